package rdptriage.knowledge;

/** How well a cause is documented (microsoft, community, none) and whether a source ties it to 0x904/0x7. */
public record EvidenceLevel(String level, boolean tiedToCode, String note) implements java.io.Serializable {

    /** The level as said out loud to a user. */
    public String label() {
        return switch (level) {
            case "microsoft" -> "documented by Microsoft";
            case "community" -> "community reports only";
            default -> "folklore, no source";
        };
    }
}
