package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import rdptriage.knowledge.Signal;

/** The words a pattern cannot match without: never one a match can lack, or a paste would be misread. */
class RequiredWordsTest {

    private static List<String> of(String regex) {
        return RequiredWords.of(new Signal("t", List.of(), regex, List.of("x=y"), List.of(), List.of(), List.of(), List.of(), null));
    }

    @Test
    void aLiteralRunIsRequiredUpToTheCharacterAQuantifierMakesOptional() {
        assertEquals(List.of("error"), of("\\berror ?code"), "the space before ? is optional, so 'error' and 'code' stand apart");
        assertEquals(List.of("extended error code", "extended error"), of("\\bextended error codes?\\b|extended error"));
    }

    @Test
    void eachTopLevelAlternativeGivesItsOwnWordAndOneWithoutAnyTurnsTheShortcutOff() {
        assertEquals(List.of("ngrok", "ssh tun"), of("\\bngrok\\b|\\bssh tunn?el"));
        assertEquals(List.of(), of("\\bngrok\\b|[0-9]+"), "an alternative with no word means the pattern always runs");
    }

    @Test
    void aGroupCountsOnlyWhenItIsNotOptionalAndThenAnyOfItsAlternativesWill() {
        assertEquals(List.of("win", "windows"), of("(?:win|windows) ?(?:10|11)"));
        assertEquals(List.of("remote desktop"), of("(?:the |an? )?remote desktop(?: app)?"));
        assertEquals(List.of(), of("(?:abc)?[x-z]+"));
    }

    @Test
    void aClassOrAnEscapeIsNeverALiteral() {
        assertEquals(List.of("reason"), of("\\breason ?= ?(?P<code>[0-9]{1,10})\\b"));
        assertEquals(List.of("login failed"), of("[(]login failed[)]"));
    }
}
