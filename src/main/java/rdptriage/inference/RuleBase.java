package rdptriage.inference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import rdptriage.knowledge.Folders;
import rdptriage.knowledge.KnowledgeException;
import rdptriage.knowledge.Problem;

/** The rules, built two ways: the executable model compiled by the build, or DRL compiled at run time. */
public final class RuleBase {

    /** The index kie-maven-plugin writes of the generated executable-model classes. */
    private static final String MODEL_INDEX = "/META-INF/kie/rdptriage/rdp-triage/drools-model";

    /** A DRL file: the name problems are reported under, and its text. */
    public record Drl(String name, String text) {}

    private final KieBase kieBase;
    private final List<Drl> sources;

    private RuleBase(KieBase kieBase, List<Drl> sources) {
        this.kieBase = kieBase;
        this.sources = List.copyOf(sources);
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** The DRL these rules were built from. */
    List<Drl> sources() {
        return sources;
    }

    /** The rules compiled at build time, loaded directly (no KieContainer, no kmodule.xml parsing). */
    public static RuleBase compiled() {
        InputStream index = RuleBase.class.getResourceAsStream(MODEL_INDEX);
        if (index == null) {
            throw new IllegalStateException("the compiled rules are missing (" + MODEL_INDEX + "); rebuild with mvn package");
        }
        List<Model> models = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("Drools-Model-Version")) {
                    models.add((Model) Class.forName(line).getDeclaredConstructor().newInstance());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load compiled rule class: " + e.getMessage(), e);
        }
        return new RuleBase(KieBaseBuilder.createKieBaseFromModel(models), read("rules", Folders.builtIn("rules")));
    }

    /**
     * Compiles DRL at run time; throws listing every error with its file and line. Nothing is built
     * from a file that could reach outside the rules ({@link RuleSafety}): it is refused first.
     */
    public static RuleBase compile(List<Drl> files) {
        List<Problem> unsafe = new ArrayList<>();
        files.forEach(drl -> unsafe.addAll(RuleSafety.check(drl)));
        if (!unsafe.isEmpty()) {
            throw new KnowledgeException(unsafe);
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (Drl drl : files) {
            builder.add(ResourceFactory.newByteArrayResource(drl.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(drl.name()), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            throw new KnowledgeException(problems(builder));
        }
        var kb = KnowledgeBaseFactory.newKnowledgeBase();
        kb.addPackages(builder.getKnowledgePackages());
        return new RuleBase(kb, files);
    }

    /** The built-in DRL files (shipped as resources) plus every DRL file under the given folders. */
    public static List<Drl> sources(List<Path> extraFolders) {
        List<Drl> files = new ArrayList<>(read("rules", Folders.builtIn("rules")));
        extraFolders.forEach(dir -> files.addAll(read(dir.toString(), dir)));
        return files;
    }

    public static List<Drl> read(String label, Path folder) {
        return Folders.list(folder, ".drl").stream()
                .map(p -> new Drl(Folders.display(label, folder, p), Folders.read(p)))
                .toList();
    }

    private static List<Problem> problems(KnowledgeBuilder builder) {
        List<Problem> problems = new ArrayList<>();
        for (KnowledgeBuilderError e : builder.getErrors()) {
            String file = e.getResource() == null ? "rules" : e.getResource().getSourcePath();
            int line = e.getLines() == null || e.getLines().length == 0 ? 0 : Math.max(0, e.getLines()[0]);
            problems.add(new Problem(file, line, e.getMessage().strip().replaceAll("\\s+", " ")));
        }
        return problems;
    }

}
