using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IomDirectory.Security;

namespace IomDirectory.Cli.Commands;

/// <summary>
/// iomdir token: mints a token with the local development key (the file beside the database). Prints only the
/// token, so <c>export IOMDIR_TOKEN=$(iomdir token …)</c> works.
/// </summary>
public static class TokenCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Who the token is for (recorded as the actor in the audit trail)", HelpName = "NAME", Required = true };
        var role = new Option<string>("--role") { Description = "reader, editor or admin", HelpName = "ROLE", Required = true };
        role.AcceptOnlyFromAmong("reader", "editor", "admin", "directory.reader", "directory.editor", "directory.admin");
        var lifetime = new Option<TimeSpan>("--lifetime")
        {
            Description = $"How long it is valid: 30m, 1h, 2d (default 1h; at most {LocalDefaults.MaxTokenLifetime.TotalHours:0} h, the server's default cap)",
            HelpName = "DURATION",
            DefaultValueFactory = _ => TimeSpan.FromHours(1),
            CustomParser = ParseLifetime,
        };
        var db = new Option<string?>("--db") { Description = $"The server's database (default ${LocalDefaults.DatabaseEnvironmentVariable}, else the local data folder): the key is beside a SQLite file, in the local data folder for a PostgreSQL one", HelpName = "PATH|URI" };
        var keyFile = new Option<string?>("--key-file") { Description = "The signing key file itself", HelpName = "FILE" };

        var command = new Command("token", "Mints a bearer token with the local development signing key.")
        {
            name, role, lifetime, db, keyFile,
        };
        command.WithExamples("export IOMDIR_TOKEN=$(iomdir token --name erin --role editor)");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, context =>
        {
            var file = parse.GetValue(keyFile) ?? LocalDefaults.DefaultKeyFile(parse.GetValue(db));
            if (!File.Exists(file))
                throw new CliFailure(ExitCodes.NotFound, $"no signing key at {file} (start the server once to create it, or pass --db or --key-file)");
            byte[] key;
            try
            {
                key = SigningKey.Read(file);
            }
            catch (SigningKeyException ex)
            {
                throw new CliFailure(ExitCodes.Invalid, $"the signing key at {file} is unusable: {ex.Message}");
            }
            var roleName = parse.GetValue(role)!;
            if (!roleName.Contains('.'))
                roleName = "directory." + roleName;
            var span = parse.GetValue(lifetime);
            var token = LocalTokenIssuer.Mint(key, parse.GetValue(name)!, roleName, span);
            if (context.Output.Json)
            {
                var expires = DateTime.UtcNow.Add(span).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                context.Output.Raw(JsonSerializer.Serialize(new { token, role = roleName, expires }));
            }
            else
            {
                Console.Out.WriteLine(token);
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static TimeSpan ParseLifetime(System.CommandLine.Parsing.ArgumentResult result)
    {
        var span = ParseDuration(result);
        if (span > LocalDefaults.MaxTokenLifetime)
            result.AddError($"--lifetime: at most {LocalDefaults.MaxTokenLifetime.TotalHours:0}h (servers refuse longer tokens by default, --Jwt:MaxTokenLifetime); mint a new token when it expires.");
        return span;
    }

    private static TimeSpan ParseDuration(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Single().Value.Trim();
        if (text.Length > 1 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            switch (text[^1])
            {
                case 'm': return TimeSpan.FromMinutes(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'd': return TimeSpan.FromDays(amount);
            }
        }
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
            return span;
        result.AddError($"--lifetime: '{text}' is not a duration (30m, 1h, 2d or hh:mm:ss).");
        return default;
    }
}
