package rdptriage;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A fuzz target of issue 12: {@link #check} is the property, run by the two sessions every target
 * has. shortRun fuzzes 15 s in every mvn test (its own surefire run, one JVM per target); longRun
 * fuzzes 10 minutes, started by bench/fuzz. Seeds and found crashes live in
 * src/test/resources/(package)/(Class)Inputs/(method)/ and are replayed by every run.
 */
public abstract class FuzzTarget {

    @FuzzTest(maxDuration = "15s")
    protected void shortRun(FuzzedDataProvider data) throws Exception {
        check(data);
    }

    @FuzzTest(maxDuration = "10m")
    protected void longRun(FuzzedDataProvider data) throws Exception {
        check(data);
    }

    /** Runs one input; any exception or failed assertion is a finding. */
    protected abstract void check(FuzzedDataProvider data) throws Exception;
}
