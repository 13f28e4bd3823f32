package rdptriage.knowledge;

/** A document a fact rests on; strength is microsoft, open-source or secondary. */
public record Source(String key, String title, String url, String strength) implements java.io.Serializable {}
