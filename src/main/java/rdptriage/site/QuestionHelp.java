package rdptriage.site;

import java.util.List;
import rdptriage.knowledge.Question;
import rdptriage.knowledge.Step;
import rdptriage.render.CatalogueView;

/** A question as the flowchart page explains it: how to find out, and where each answer points. */
public record QuestionHelp(Question question, String who, String context, List<Answer> options) {

    /** Answers read off the error window: too many to list; the error-code reference lists them with what they point to. */
    public boolean fromTable() {
        return question.optionsFrom() != null;
    }

    /** One possible answer, the causes it points to on its own, and why it moves none when it is neutral. */
    public record Answer(String label, List<CatalogueView.Pointer> pointsTo, String neutral) {}

    static QuestionHelp of(Question q, CatalogueView catalogue) {
        return new QuestionHelp(q, "Who can answer: " + q.who(), new Step(q.who(), q.shell(), false, null, null).context(),
                q.options().stream().map(o -> new Answer(o.label(), catalogue.pointsTo(q, o.value()), o.neutral())).toList());
    }
}
