package rdptriage.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import rdptriage.inference.Answers;
import rdptriage.inference.Assessment;
import rdptriage.inference.AssessmentCache;
import rdptriage.inference.BadInput;
import rdptriage.inference.Clip;
import rdptriage.inference.Host;
import rdptriage.inference.Reading;
import rdptriage.inference.Recent;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.render.CollectScript;
import rdptriage.render.Links;
import rdptriage.render.MarkdownReport;
import rdptriage.render.Pages;
import rdptriage.render.Prose;
import rdptriage.render.Recognised;
import rdptriage.render.SessionLink;
import rdptriage.render.SessionView;

/**
 * The question page, the result page and the printable checklist of a session. The session is the
 * query; a part of it that cannot be used gives a 400 page naming it, with every valid answer kept.
 */
final class SessionPages {

    private static final Links LINKS = Links.web();

    private final AssessmentCache engine;
    private final KnowledgeBase kb;
    private final Pages pages;
    private final Addresses addresses;
    /** The diagnostic scripts made so far, by side and host: a help desk downloads the same few again and again. */
    private final Recent<String, CollectScript.Script> scripts = new Recent<>(256);

    SessionPages(AssessmentCache engine, Pages pages, Addresses addresses) {
        this.engine = engine;
        this.kb = engine.engine().knowledge();
        this.pages = pages;
        this.addresses = addresses;
    }

    Response triage(Request r) {
        return page("triage", r, "One question at a time; the causes re-rank with every answer.");
    }

    /** The result page, which also offers the diagnostic scripts with the session's host filled in. */
    Response result(Request r) {
        return page("result", r, "Ranked causes and the fix plan for this session, with risks, rollbacks and verify steps.",
                s -> Map.of("scripts", scripts(s.host())));
    }

    Response checklist(Request r) {
        return page("checklist", r, "A printable checklist of this session's fix plan.");
    }

    Response plan(Request r) {
        return page("plan", r, "Every step of this session's fix plan in full, with risks, rollbacks and verify steps.");
    }

    /** The full ticket note in Markdown, as plain text; a part of the address that cannot be used is a 400 naming it. */
    Response markdownNote(Request r) {
        Session s = session(r);
        if (!s.problems().isEmpty()) {
            return unusable(s.problems(), "the address of a session, e.g. note.md?error-code=0x904&extended-code=0x7");
        }
        return Response.text(200, new MarkdownReport(kb, addresses.base(r)).render(s.assessment()));
    }

    /**
     * A side's diagnostic script, with the session's host (the address's host=) filled in; a host
     * that is not a name or address is a 400 naming it, and nothing else of the address matters.
     */
    Response script(CollectScript.Side side, Request r) {
        List<String> problems = new ArrayList<>();
        Host host = host(Query.parse(r.rawQuery()).take(Assessment.HOST), problems);
        if (!problems.isEmpty()) {
            return unusable(problems, "e.g. /" + CollectScript.path(side) + "?host=srv-app01.corp.example.com");
        }
        CollectScript.Script s = script(side, host);
        return Response.download(s.fileName(), s.text());
    }

    /** A plain-text 400 for an address that could not be used: each problem, then what was expected. */
    private static Response unusable(List<String> problems, String expected) {
        return Response.text(400, "This address could not be used as it is:\n- " + String.join("\n- ", problems)
                + "\nExpected " + expected + "\n");
    }

    /** The sides' scripts for the result page, each with the session's host filled in. */
    private List<CollectScript.Link> scripts(Host host) {
        return CollectScript.links(side -> script(side, host), side -> "/" + CollectScript.path(side)
                + (host == null ? "" : "?host=" + java.net.URLEncoder.encode(host.name(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    private CollectScript.Script script(CollectScript.Side side, Host host) {
        return scripts.get(side.id + "|" + (host == null ? "" : host.name()), k -> CollectScript.of(kb, side, host));
    }

    /**
     * A session read from a request: its assessment (for its host), the host (or null), the question
     * being changed, what was pasted, and the problems.
     */
    private record Session(Assessment assessment, Host host, String ask, Reading reading, List<String> problems) {}

    private Session session(Request r) {
        Query query = Query.parse(r.rawQuery());
        String ask = query.take(SessionLink.ASK);
        String hostName = query.take(Assessment.HOST);
        Answers.Checked checked = query.answers(kb);
        List<String> problems = new ArrayList<>(checked.problems());
        Host host = host(hostName, problems);
        if (ask != null && kb.findQuestion(ask).isEmpty()) {
            problems.add("'" + SessionLink.ASK + "=" + Clip.of(ask) + "' names no question; the next question is shown instead");
            ask = null;
        }
        Reading reading = read(r, checked.valid(), problems);
        return new Session(engine.assess(reading.answers()).forHost(host), host, ask, reading, problems);
    }

    private Response page(String template, Request r, String description) {
        return page(template, r, description, s -> Map.of());
    }

    /** A page of the session; {@code more} adds what only this page's template reads. */
    private Response page(String template, Request r, String description, Function<Session, Map<String, Object>> more) {
        Session s = session(r);
        List<String> problems = s.problems();
        Map<String, Object> model = new HashMap<>();
        model.put("view", new SessionView(kb, s.assessment(), LINKS, s.ask(), addresses.base(r), Recognised.of(kb, s.reading())));
        model.put("links", LINKS);
        model.put("brand", LINKS.start());
        model.put("text", Prose.INSTANCE);
        model.put("problems", problems);
        model.put("description", description);
        model.putAll(more.apply(s));
        return Response.html(problems.isEmpty() ? 200 : 400, pages.render(template, model));
    }

    /** The host in the address, or null; a value that is not a name or address is a problem, and left out. */
    static Host host(String raw, List<String> problems) {
        try {
            return Host.parse(raw);
        } catch (BadInput e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /**
     * The answers in the address, with what a pasted text (the form field "ticket" of a POST) says;
     * a paste that cannot be read is a problem on the page, and the answers are kept.
     */
    private Reading read(Request r, Answers given, List<String> problems) {
        if (r.tooLarge()) {
            problems.add("the pasted text is larger than " + Server.MAX_BODY / 1024 + " KB and was not read; paste at most 64 KB:"
                    + " the error dialog, the ticket and the relevant lines of the log");
            return Reading.NONE.with(given);
        }
        if (r.body() == null) {
            return Reading.NONE.with(given);
        }
        Query form = Query.form(r.body(), "ticket");
        problems.addAll(form.problems());
        String text = form.pairs().get("ticket");
        try {
            return engine.engine().read(text, given);
        } catch (BadInput e) {
            problems.add(e.getMessage());
            return Reading.NONE.with(given);
        }
    }
}
