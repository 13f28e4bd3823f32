package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdptriage.knowledge.Fixtures;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Problem;

/** One test per kind of problem lint claims to catch, each proving it is caught with file and line. */
class LintTest {

    @TempDir
    Path dir;

    static final String CAUSE = """
            ---
            id: test-cause
            title: A cause added by a help desk
            summary: A cause used to test lint.
            prior: 0.01
            evidence:
              level: community
              tied_to_code: false
              note: Only for tests.
            confused_with: [rdp-certificate]
            confirm:
              - id: look
                title: Look at it
                where: host
                shell: powershell
                elevated: true
                effort: 2
                answers: tcp-3389-test
                command: Get-Service TermService
                sources: [S7]
            fixes:
              - id: safe
                title: The safe fix
                risk: low
                risk_note: Drops sessions.
                effort: 5
                steps:
                  - where: host
                    shell: powershell
                    elevated: true
                    command: Restart-Service TermService -Force
                rollback:
                  - where: host
                    shell: gui
                    text: Nothing to undo; the service is running again.
                sources: [S7]
              - id: lowering
                title: The workaround
                risk: lowers-security
                risk_note: Opens the host.
                temporary: true
                effort: 5
                steps:
                  - where: host
                    shell: cmd
                    elevated: true
                    command: netsh advfirewall export "C:\\lowering-before.wfw"
                  - where: host
                    shell: cmd
                    elevated: true
                    command: netsh advfirewall set allprofiles state off
                rollback:
                  - where: host
                    shell: cmd
                    elevated: true
                    command: netsh advfirewall import "C:\\lowering-before.wfw"
            verify:
              - where: client
                shell: gui
                text: Connect again.
              - where: host
                shell: cmd
                elevated: true
                text: Every profile shows State ON again.
                command: netsh advfirewall show allprofiles state
            sources: [S7]
            ---
            """ + Fixtures.ARTICLE;

    /** A help desk's question with two answers. */
    static final String QUESTION = """
            id: cable-colour
            text: Which colour is the cable?
            help: Look at it.
            who: user
            effort: 1
            options:
              - value: blue
                label: Blue
              - value: red
                label: Red
            """;

    static final String RULE = """
            package rules.causes;

            import rdptriage.inference.Answer;
            import rdptriage.inference.Evidence;

            rule "test-cause: the TCP test failed"
            when
                Answer( question == "tcp-3389-test", value == "failed" )
            then
                insertLogical( new Evidence( "test-cause", 1.0, "For tests.", "S7" ) );
            end
            """;

    private List<Problem> lint(String cause, String rule) throws IOException {
        Path knowledge = dir.resolve("kb");
        Path rules = dir.resolve("rules");
        Files.createDirectories(knowledge.resolve("causes"));
        Files.createDirectories(rules.resolve("causes"));
        Files.writeString(knowledge.resolve("causes/test-cause.md"), cause);
        Files.writeString(rules.resolve("causes/test-cause.drl"), rule);
        // the shipped priors and "none of the known causes" already sum to 1: a help desk's cause takes its share from the latter
        Files.writeString(knowledge.resolve("engine.yaml"), "unlisted_prior: 0.07\n");
        return Lint.run(KnowledgeBase.withBuiltIn(List.of(new KnowledgeBase.Root("kb", knowledge))), List.of(rules)).problems();
    }

    /** The single problem reported for one file (a broken cause also orphans its rules). */
    private static Problem in(String file, List<Problem> problems) {
        return only(problems.stream().filter(p -> p.file().equals(file)).toList());
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        return problems.get(0);
    }

    private static void found(Problem p, String file, int line, String text) {
        assertEquals(file, p.file(), p.toString());
        assertEquals(line, p.line(), p.toString());
        assertTrue(p.message().contains(text), p.toString());
    }

    @Test
    void shippedKnowledgeAndRulesAreClean() {
        List<Problem> problems = Lint.run(KnowledgeBase.withBuiltIn(List.of()), List.of()).problems();
        assertEquals(List.of(), problems);
    }

    @Test
    void aValidHelpDeskCauseAddsNoFinding() throws IOException {
        assertEquals(List.of(), lint(CAUSE, RULE));
    }

    @Test
    void catchesAMissingArticleSection() throws IOException {
        found(only(lint(CAUSE.replace("## How it shows up", "## Symptoms"), RULE)),
                "kb/causes/test-cause.md", 0, "article section '## How it shows up' is missing");
    }

    @Test
    void catchesASecurityLoweringFixWithoutRollback() throws IOException {
        String cause = CAUSE.replace("""
                    rollback:
                      - where: host
                        shell: cmd
                        elevated: true
                        command: netsh advfirewall import "C:\\lowering-before.wfw"
                """, "");
        Problem p = lint(cause, RULE).stream().filter(x -> x.message().contains("no rollback steps")).findFirst().orElseThrow();
        found(p, "kb/causes/test-cause.md", 37, "has risk lowers-security but no rollback steps");
    }

    @Test
    void catchesASecurityLoweringFixBeforeTheSafeOne() throws IOException {
        String cause = CAUSE.replace("  - id: safe", "  - id: safe-placeholder").replace("risk: low\n", "risk: lowers-security\n    temporary: true\n");
        Problem p = lint(cause, RULE).stream().filter(x -> x.message().contains("no safe fix comes before")).findFirst().orElseThrow();
        found(p, "kb/causes/test-cause.md", 22, "fix 'safe-placeholder' lowers security but no safe fix comes before it");
    }

    /** The test cause with one more line in its safe fix, after the title (line 22 stays the fix's id). */
    private static String safeFixWith(String line) {
        return CAUSE.replace("    title: The safe fix\n", "    title: The safe fix\n    " + line + "\n");
    }

    @Test
    void catchesAnAfterNamingNoFixOfTheCause() throws IOException {
        String cause = safeFixWith("after: [safe-fix]");
        found(only(lint(cause, RULE)), "kb/causes/test-cause.md", 22,
                "fix 'safe' has after: 'safe-fix'; expected the id of another fix of cause 'test-cause' (lowering, safe)");
    }

    @Test
    void catchesASafeFixAfterOneThatLowersSecurityAndACircle() throws IOException {
        String afterLowering = safeFixWith("after: [lowering]");
        assertTrue(lint(afterLowering, RULE).stream().anyMatch(p -> p.message().equals(
                "fix 'safe' is safe but comes after 'lowering', which lowers security; safe fixes come first")), "safe after lowering");
        String circle = afterLowering.replace("    title: The workaround\n", "    title: The workaround\n    after: [safe]\n");
        assertTrue(lint(circle, RULE).stream().anyMatch(p -> p.message().equals("fix 'lowering' comes after itself through after:")),
                lint(circle, RULE).toString());
    }

    @Test
    void catchesAFixOnlyIfNamingAnUnknownOption() throws IOException {
        String cause = safeFixWith("only_if: failure-moment=later");
        found(only(lint(cause, RULE)), "kb/causes/test-cause.md", 22,
                "fix 'safe' has only_if value 'later', which is not an option of question 'failure-moment'");
    }

    @Test
    void catchesAConfusedWithNamingAnUnknownCause() throws IOException {
        found(only(lint(CAUSE.replace("[rdp-certificate]", "[rdp-sertificate]"), RULE)),
                "kb/causes/test-cause.md", 10, "confused_with names unknown cause 'rdp-sertificate'");
    }

    @Test
    void catchesACheckAnsweringAnUnknownQuestion() throws IOException {
        found(only(lint(CAUSE.replace("answers: tcp-3389-test", "answers: tcp-test"), RULE)),
                "kb/causes/test-cause.md", 18, "answers unknown question 'tcp-test'");
    }

    @Test
    void catchesAnUnknownSourceKey() throws IOException {
        found(only(lint(CAUSE.replace("sources: [S7]\n---", "sources: [S999]\n---"), RULE)),
                "kb/causes/test-cause.md", 66, "source 'S999' is not in any knowledge/sources/*.yaml");
    }

    @Test
    void catchesEvidenceForAnUnknownCause() throws IOException {
        List<Problem> problems = lint(CAUSE, RULE.replace("new Evidence( \"test-cause\"", "new Evidence( \"test-kause\""));
        Problem p = problems.stream().filter(x -> x.message().contains("unknown cause")).findFirst().orElseThrow();
        found(p, ruleFile(), 10, "evidence for unknown cause 'test-kause'");
    }

    @Test
    void catchesOneAnswerCountedTwiceForOneCause() throws IOException {
        String twice = RULE + """

                rule "test-cause: nothing answers on the port"
                when
                    Answer( question == "tcp-3389-test", value == "failed" )
                then
                    insertLogical( new Evidence( "test-cause", 0.5, "The same observation again.", "S7" ) );
                end
                """;
        Problem p = only(lint(CAUSE, twice));
        found(p, "kb/causes/test-cause.md", 0, "answer 'failed' of question 'tcp-3389-test' is counted 2 times for test-cause");
        assertTrue(p.message().contains("test-cause: nothing answers on the port") && p.message().contains("test-cause: the TCP test failed"),
                p.toString());
    }

    @Test
    void theShippedModelGivesEveryAnswerAProbabilityUnderEveryOutcomeThatSumsToOne() {
        Engine engine = Engines.compiled();
        assertEquals(List.of(), Lint.model(engine));
        Likelihood l = engine.likelihood();
        for (var q : engine.knowledge().questions()) {
            double sumU = java.util.Arrays.stream(l.unlisted(q)).sum();
            assertEquals(1.0, sumU, 1e-9, q.id());
            for (int c = 0; c < engine.knowledge().causes().size(); c++) {
                double sum = 0;
                for (var o : q.informativeOptions()) {
                    double p = Math.exp(l.alone(q, o.value())[c]);
                    assertTrue(p > 0 && p < 1, q.id() + "=" + o.value());
                    sum += p;
                }
                assertEquals(1.0, sum, 1e-9, q.id() + " under " + engine.knowledge().causes().get(c).id());
            }
        }
    }

    @Test
    void catchesACauseNoRuleConcludes() throws IOException {
        List<Problem> problems = lint(CAUSE, RULE.replace("new Evidence( \"test-cause\"", "new Evidence( \"rdp-certificate\""));
        Problem p = problems.stream().filter(x -> x.message().startsWith("no rule concludes")).findFirst().orElseThrow();
        found(p, "kb/causes/test-cause.md", 1, "no rule concludes evidence for cause 'test-cause'");
    }

    @Test
    void catchesAQuestionNoRuleReads() throws IOException {
        Path knowledge = dir.resolve("kb");
        Files.createDirectories(knowledge.resolve("questions"));
        Files.writeString(knowledge.resolve("questions/cable-colour.yaml"), QUESTION);
        found(only(lint(CAUSE, RULE)), "kb/questions/cable-colour.yaml", 1, "no rule reads question 'cable-colour'");
    }

    @Test
    void catchesARuleReadingAnUnknownQuestionOrOption() throws IOException {
        List<Problem> problems = lint(CAUSE, RULE.replace("value == \"failed\"", "value == \"refused\""));
        found(only(problems), ruleFile(), 8, "question 'tcp-3389-test' has no option 'refused'");
        problems = lint(CAUSE, RULE.replace("question == \"tcp-3389-test\"", "question == \"tcp-test\""));
        found(only(problems), ruleFile(), 8, "rule reads unknown question 'tcp-test'");
    }

    /** A help desk's rule file is named as its folder was given on the command line. */
    private String ruleFile() {
        return dir.resolve("rules") + "/causes/test-cause.drl";
    }

    @Test
    void catchesADrlSyntaxErrorWithItsFileAndLine() throws IOException {
        List<Problem> problems = lint(CAUSE, RULE.replace("\"tcp-3389-test\", value", "\"tcp-3389-test\" value"));
        Problem p = problems.stream().filter(x -> x.file().equals(ruleFile())).findFirst()
                .orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals(8, p.line(), p.toString());
    }

    @Test
    void catchesAnErrorInAConsequenceAtItsRule() throws IOException {
        List<Problem> problems = lint(CAUSE, RULE.replace("then\n", "then\n    insertLogical( new Evidence( ;\n"));
        Problem p = problems.stream().filter(x -> x.file().equals(ruleFile())).findFirst()
                .orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals(6, p.line(), p.toString());
        assertTrue(p.message().contains("test-cause: the TCP test failed") || p.message().contains("Rule Compilation error"), p.toString());
    }

    @Test
    void catchesPlainInsertAndSalience() throws IOException {
        List<Problem> problems = lint(CAUSE, RULE.replace("insertLogical(", "insert(")
                .replace("when\n", "    salience 10\nwhen\n"));
        assertTrue(problems.stream().anyMatch(p -> p.message().startsWith("use insertLogical") && p.line() == 11), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().startsWith("salience") && p.line() == 7), problems.toString());
    }

    @Test
    void catchesMalformedYamlWithItsLine() throws IOException {
        found(in("kb/causes/test-cause.md", lint(CAUSE.replace("prior: 0.01", "prior: [0.01"), RULE)), "kb/causes/test-cause.md", 5, "is not a valid Cause");
    }

    @Test
    void catchesAnUnknownFieldAndNamesTheExpectedOnes() throws IOException {
        Problem p = in("kb/causes/test-cause.md", lint(CAUSE.replace("prior: 0.01", "prior: 0.01\npriority: high"), RULE));
        found(p, "kb/causes/test-cause.md", 6, "unknown field 'priority'; expected one of:");
        assertTrue(p.message().contains("prior,") && !p.message().contains("article"), p.toString());
    }

    @Test
    void catchesACauseDefinedTwice() throws IOException {
        Path knowledge = dir.resolve("kb");
        Files.createDirectories(knowledge.resolve("causes"));
        Files.writeString(knowledge.resolve("causes/rdp-certificate.md"), CAUSE.replace("id: test-cause", "id: rdp-certificate"));
        Problem p = lint(CAUSE, RULE).stream().filter(x -> x.message().contains("defined twice")).findFirst().orElseThrow();
        found(p, "kb/causes/rdp-certificate.md", 2, "cause 'rdp-certificate' is defined twice (also in knowledge/causes/rdp-certificate.md)");
    }

    @Test
    void anAnswerThatChangesNothingMustSayWhy() throws IOException {
        Path questions = dir.resolve("kb/questions");
        Files.createDirectories(questions);
        String question = QUESTION + "  - value: dont-know\n    label: I don't know\n";
        String rule = RULE.replace("Answer( question == \"tcp-3389-test\", value == \"failed\" )",
                "Answer( question == \"cable-colour\", value == \"blue\" )");
        Files.writeString(questions.resolve("cable-colour.yaml"), question);
        found(only(lint(CAUSE, rule)), "kb/questions/cable-colour.yaml", 9,
                "option 'red' of question 'cable-colour' changes no cause's probability");
        Files.writeString(questions.resolve("cable-colour.yaml"),
                question.replace("    label: Red\n", "    label: Red\n    neutral: Red is the colour every cable here has.\n"));
        assertEquals(List.of(), lint(CAUSE, rule));
        Files.writeString(questions.resolve("cable-colour.yaml"),
                question.replace("    label: Blue\n", "    label: Blue\n    neutral: Said to change nothing.\n"));
        List<Problem> problems = lint(CAUSE, rule);
        assertTrue(problems.stream().anyMatch(p -> p.line() == 7
                && p.message().contains("option 'blue' of question 'cable-colour' is declared neutral, but the rules read it")),
                problems.toString());
    }

    @Test
    void evidenceCitingASourceTheCatalogueLacksIsCaught() throws IOException {
        found(only(lint(CAUSE, RULE.replace("\"S7\" )", "\"HD9\" )"))), ruleFile(), 10,
                "evidence cites source 'HD9', which is not in any knowledge/sources/*.yaml");
    }

    @Test
    void aSourceWhoseAddressIsNotHttpIsCaught() throws IOException {
        Files.createDirectories(dir.resolve("kb/sources"));
        Files.writeString(dir.resolve("kb/sources/help-desk.yaml"), """
                - key: HD1
                  title: Our wiki
                  url: https://wiki.example.org/rdp
                  strength: secondary
                - key: HD2
                  title: A page that runs script when its link is clicked
                  url: javascript:alert(document.domain)
                  strength: secondary
                - key: HD3
                  title: A relative address
                  url: /wiki/rdp
                  strength: secondary
                """);
        List<Problem> problems = lint(CAUSE, RULE).stream().filter(p -> p.file().equals("kb/sources/help-desk.yaml")).toList();
        assertEquals(2, problems.size(), problems.toString());
        found(problems.get(0), "kb/sources/help-desk.yaml", 5, "source 'HD2': url 'javascript:alert(document.domain)' is not an http:// or https:// address");
        found(problems.get(1), "kb/sources/help-desk.yaml", 9, "source 'HD3': url '/wiki/rdp' is not an http:// or https:// address");
    }

    @Test
    void aQuestionAskedWithAnUnknownQuestionIsCaught() throws IOException {
        Path questions = dir.resolve("kb/questions");
        Files.createDirectories(questions);
        Files.writeString(questions.resolve("cable-colour.yaml"), QUESTION.replace("effort: 1\n", "effort: 1\nasked_with: cable-length\n"));
        Problem p = lint(CAUSE, RULE).stream().filter(x -> x.message().contains("asked_with")).findFirst()
                .orElseThrow(() -> new AssertionError("no asked_with finding"));
        found(p, "kb/questions/cable-colour.yaml", 6, "asked_with names 'cable-length'; expected another question's id");
    }
}
