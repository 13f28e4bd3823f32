package rdptriage.knowledge;

/**
 * One thing to do: where it runs (client, host, azure, network), in which shell (powershell, cmd,
 * gui, bash, azure-cli), whether it needs elevation, what to do, and the exact command if any.
 */
public record Step(String where, String shell, boolean elevated, String text, String command) implements java.io.Serializable {

    /** The place and shell in words, e.g. "host, elevated PowerShell". */
    public String context() {
        String prompt = switch (shell == null ? "" : shell) {
            case "powershell" -> "PowerShell";
            case "cmd" -> "Command Prompt";
            case "gui" -> "GUI";
            case "bash" -> "shell";
            case "azure-cli" -> "Azure CLI";
            default -> shell;
        };
        boolean console = !"gui".equals(shell) && prompt != null && !prompt.isEmpty();
        return where + (prompt == null || prompt.isEmpty() ? "" : ", " + (elevated && console ? "elevated " : "") + prompt);
    }
}
