using System.Diagnostics;
using System.Net;
using System.Text;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Admin;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Integrations;

/// <summary>
/// The webhook receivers of docs/examples (Python, Node, C#), run as an integrator would run them: each gets a real
/// delivery from the server and verifies its signature, and refuses a forged one.
/// </summary>
[TestFixture]
public sealed class WebhookReceiverExampleTests : WebhookFixture
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly string Examples = Path.Combine(RepositoryPaths.Root, "docs", "examples");

    [TestCase("python", "/usr/bin/python3", "receive_webhook.py")]
    [TestCase("node", "node", "receive_webhook.js")]
    [TestCase("csharp", "dotnet", "run receive_webhook.cs")]
    public async Task The_example_receiver_verifies_a_real_delivery_and_refuses_a_forged_one(string folder, string program, string arguments)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(program) { WorkingDirectory = Path.Combine(Examples, folder), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments.Split(' ')) info.ArgumentList.Add(argument);
        info.Environment["WEBHOOK_SECRET"] = Secret;
        info.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(info)!;
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (lines) lines.Add(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (lines) lines.Add("stderr: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            string Output() { lock (lines) return string.Join('\n', lines); }
            await Eventually.HoldsAsync(() => Task.FromResult(Output().Contains($"listening on {port}")), $"{folder} example listening:\n{Output()}",
                TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(100));   // the C# one is compiled on its first run

            var hook = await AdminClient.CreateWebhookAsync(new CreateWebhookRequest
            {
                Url = $"http://127.0.0.1:{port}/hooks/iomdir", Secret = Secret, Kinds = { "unit" },
            }, AsAdmin);
            try
            {
                var sequence = await WebhookTests.RenameAsync(Server.Channel, Server.Token("erin.editor", Roles.Editor), "pcca", $"Example {folder}");
                await Eventually.That(() => Task.FromResult(Output().Contains($"\"id\":\"evt_{sequence}\"")), $"{folder} example verified the delivery:\n{Output()}");
                Assert.That(Output(), Does.Contain("\"type\":\"directory.unit.update\"").And.Contain("\"record\":\"pcca\""));

                using var http = new HttpClient();
                using var forged = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/hooks/iomdir")
                {
                    Content = new StringContent("""{"type":"directory.unit.update","data":{"entityId":"pcca"}}""", Encoding.UTF8, "application/json"),
                };
                forged.Headers.Add("webhook-id", "evt_forged");
                forged.Headers.Add("webhook-timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                forged.Headers.Add("webhook-signature", "v1," + Convert.ToBase64String(new byte[32]));
                Assert.That((await http.SendAsync(forged)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), $"{folder} refuses a forged signature");
                await Eventually.That(() => Task.FromResult(Output().Contains("\"rejected\":\"evt_forged\"")), $"{folder} reports the forgery");
            }
            finally
            {
                await AdminClient.DeleteWebhookAsync(new DeleteWebhookRequest { Id = hook.Webhook.Id }, AsAdmin);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
