package rdptriage.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only commands that read may join a diagnostic script (issue 14). */
class ReadOnlyTest {

    private static Check check(String shell, String where, String command) {
        return new Check("probe", "Probe", where, shell, false, 1, "termservice", null, command, "Read it.", List.of(), true);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Get-Service TermService,UmRdpService,SessionEnv | Format-Table Name,Status,StartType",
        "Test-NetConnection -ComputerName <host> -Port 3389 -InformationLevel Detailed",
        "Test-NetConnection <host> -CommonTCPPort RDP",
        "Resolve-DnsName -Name <host> -DnsOnly -NoHostsFile",
        "Get-WinEvent -FilterHashtable @{LogName='System'; ProviderName='Schannel'; Id=36871,36874; StartTime=(Get-Date).AddDays(-7)} | Format-List TimeCreated,Id,Message",
        "Get-WinEvent -LogName 'Microsoft-Windows-TerminalServices-RDPClient/Operational' -MaxEvents 50 | Where-Object { $_.Id -in 1024,1026,1105 } | Format-List",
        "$rdp = Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'Default.rdp'",
        "Get-ChildItem 'Cert:\\LocalMachine\\Remote Desktop' | Format-List Subject,Thumbprint,NotAfter,@{Name='Expired'; Expression={$_.NotAfter -lt (Get-Date)}}",
        "reg query \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\" /v fDenyTSConnections 2>&1",
        "Get-CimInstance Win32_OperatingSystem | Format-List Caption,Version,BuildNumber | Out-String -Width 200",
        "Test-ComputerSecureChannel -Verbose",
        "qwinsta",
        "certutil -store \"Remote Desktop\"",
        "wevtutil qe system /c:5 /rd:true /f:text /q:\"Event[System[EventID=1006]]\"",
        "icacls C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys",
        "cmdkey /list",
        "sc.exe query TermService"})
    void commandsThatReadPass(String command) {
        assertEquals(List.of(), ReadOnly.problems(check("powershell", "host", command)), command);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Set-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server' -Name fDenyTSConnections -Value 0",
        "Remove-Item -LiteralPath $rdp -Force",
        "New-NetFirewallRule -DisplayName RDP -Direction Inbound -LocalPort 3389 -Protocol TCP -Action Allow",
        "Restart-Service TermService -Force",
        "Stop-Service TermService",
        "Start-Service TermService",
        "Get-Service TermService | Restart-Service",
        "Install-Module PSWindowsUpdate",
        "Invoke-WebRequest https://example.com/x.ps1",
        "reg add \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\" /v fDenyTSConnections /t REG_DWORD /d 0 /f",
        "reg delete \"HKLM\\SOFTWARE\\Microsoft\\Terminal Server Client\\Default\" /va /f",
        "reg import rdp.reg",
        "net stop TermService",
        "net start TermService",
        "icacls C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys /grant \"NT AUTHORITY\\NETWORK SERVICE:(R)\"",
        "netsh advfirewall firewall set rule group=\"remote desktop\" new enable=Yes",
        "netsh advfirewall firewall add rule name=RDP dir=in action=allow protocol=TCP localport=3389",
        "ipconfig /flushdns",
        "Get-Service TermService | Out-File C:\\temp\\svc.txt",
        "Get-Service TermService > C:\\temp\\svc.txt",
        "Test-NetConnection <host> -Port 445",
        "qwinsta /server:<host>",
        "sc query TermService",
        "$svc = Get-WmiObject Win32_Service -Filter \"Name='TermService'\"; $svc.StopService()",
        "Test-ComputerSecureChannel -Repair",
        "ping -n 100 <host>"})
    void commandsThatChangeStateOrReachFurtherFail(String command) {
        List<String> problems = ReadOnly.problems(check("powershell", "host", command));
        assertTrue(!problems.isEmpty(), command + " passed");
        assertTrue(problems.get(0).startsWith("check 'probe' has collect: true but"), problems.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nc -zv -w 5 <host> 3389", "getent ahosts <host>", "xfreerdp /version"})
    void aLinuxClientReadsWithNcGetentAndFreerdp(String command) {
        assertEquals(List.of(), ReadOnly.problems(check("bash", "client", command)), command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nc -zv -w 5 <host> 22", "nc -l 3389", "apt-get install -y netcat-openbsd", "ssh-keygen -R <host>", "rm -f ~/.config/freerdp/known_hosts2", "curl -s https://example.com | sh"})
    void aLinuxClientDoesNothingElse(String command) {
        assertTrue(!ReadOnly.problems(check("bash", "client", command)).isEmpty(), command + " passed");
    }

    @org.junit.jupiter.api.Test
    void onlyTheHostPlaceholderAndNoCmdOnlySyntax() {
        assertTrue(ReadOnly.problems(check("powershell", "client", "Get-ChildItem Cert:\\LocalMachine\\My\\<thumbprint>")).stream()
                .anyMatch(p -> p.contains("placeholder <thumbprint>")));
        assertTrue(ReadOnly.problems(check("cmd", "client", "findstr /i \"<host>\" \"%SystemRoot%\\System32\\drivers\\etc\\hosts\"")).stream()
                .anyMatch(p -> p.contains("cmd's own syntax")));
        assertEquals(List.of(), ReadOnly.problems(check("cmd", "host", "reg query \"HKLM\\SYSTEM\\Setup\" /v OOBEInProgress 2>&1")));
        assertTrue(ReadOnly.problems(check("powershell", "client", "Resolve-DnsName -Name '<host>'")).stream()
                .anyMatch(p -> p.contains("single quotes")));
    }

    @org.junit.jupiter.api.Test
    void sideShellAndQuestionAreRequired() {
        assertTrue(ReadOnly.problems(check("gui", "host", "mstsc /v:localhost")).stream().anyMatch(p -> p.contains("its shell is 'gui'")));
        assertTrue(ReadOnly.problems(check("bash", "host", "getent hosts x")).stream().anyMatch(p -> p.contains("bash on a client")));
        assertTrue(ReadOnly.problems(check("powershell", "azure", "Get-Service TermService")).stream().anyMatch(p -> p.contains("runs on 'azure'")));
        Check noQuestion = new Check("probe", "Probe", "host", "cmd", false, 1, null, null, "qwinsta", "x", List.of(), true);
        assertTrue(ReadOnly.problems(noQuestion).stream().anyMatch(p -> p.contains("answers no question")));
    }
}
