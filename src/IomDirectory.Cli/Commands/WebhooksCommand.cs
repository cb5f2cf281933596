using System.CommandLine;
using IomDirectory.Cli.Output;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir webhooks add|list|enable|remove|deliveries: the AdminService's webhook subscribers (directory.admin).</summary>
public static class WebhooksCommand
{
    public static Command Create()
    {
        var command = new Command("webhooks",
            "Subscribers to whom every committed change is POSTed, signed as Standard Webhooks sign, in order, at least once. Needs an admin token.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Enable());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(Deliveries());
        return command;
    }

    private static Command Add()
    {
        var url = new Argument<string>("url") { Description = "Where to POST (a host and scheme the server's operator allows)" };
        var kinds = new Option<string[]>("--kind") { Description = "A record kind to deliver (repeat; default: every kind)", HelpName = "KIND", AllowMultipleArgumentsPerToken = true };
        var description = new Option<string>("--description") { Description = "What the subscriber is (at most 200 characters)", HelpName = "TEXT" };
        var after = new Option<long>("--after-sequence") { Description = "Deliver the changes after this audit sequence (default: from now on)", HelpName = "N" };
        var command = new Command("add", "Registers a subscriber and prints its secret (shown once: keep it to verify signatures).") { url, kinds, description, after };
        command.WithExamples("iomdir webhooks add https://helpdesk.example.org/hooks/iomdir --kind unit --kind mailbox --description \"Helpdesk\"");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var request = new CreateWebhookRequest { Url = parse.GetValue(url)!, Description = parse.GetValue(description) ?? "", AfterSequence = parse.GetValue(after) };
            request.Kinds.AddRange(parse.GetValue(kinds) ?? []);
            var response = await context.CallAsync(context.Admin.CreateWebhookAsync, request);
            if (context.Output.Json)
            {
                context.Output.Message(response);
                return ExitCodes.Ok;
            }
            context.Output.Line($"Subscriber {response.Webhook.Id} registered: {response.Webhook.Url}");
            context.Output.Line($"Secret (shown once): {response.Secret}");
            context.Output.Line("Verify each delivery's webhook-signature with it (README, For integrators: Webhooks).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Lists the subscribers: where each stands (last delivered change, changes waiting) and its failures.");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var response = await context.CallAsync(context.Admin.ListWebhooksAsync, new ListWebhooksRequest());
            if (context.Output.Json)
            {
                context.Output.Message(response);
                return ExitCodes.Ok;
            }
            if (response.Webhooks.Count == 0) context.Output.Line("No webhook subscribers.");
            foreach (var w in response.Webhooks)
            {
                var state = w.Enabled ? (w.FailedAttempts > 0 ? $"failing ({w.FailedAttempts} attempts since {MessageText.Date(w.FailingSince)}; next {MessageText.Date(w.NextAttemptAt)})" : "enabled")
                    : "DISABLED";
                context.Output.Line($"{w.Id}  {w.Url}");
                context.Output.Line($"    {state}; delivered up to {w.DeliveredSequence}, {w.Pending} changes after it; kinds: {(w.Kinds.Count == 0 ? "all" : string.Join(", ", w.Kinds))}");
                if (w.LastError.Length > 0) context.Output.Line($"    last error: {w.LastError}");
                if (w.DisabledReason.Length > 0) context.Output.Line($"    {w.DisabledReason}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Enable()
    {
        var id = new Argument<string>("id") { Description = "The subscriber's id (wh_…)" };
        var command = new Command("enable", "Re-enables a subscriber the server disabled; it resumes after the last change it received.") { id };
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var webhook = await context.CallAsync(context.Admin.EnableWebhookAsync, new EnableWebhookRequest { Id = parse.GetValue(id)! });
            if (context.Output.Json) context.Output.Message(webhook);
            else context.Output.Line($"Subscriber {webhook.Id} enabled; {webhook.Pending} changes to deliver.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Remove()
    {
        var id = new Argument<string>("id") { Description = "The subscriber's id (wh_…)" };
        var command = new Command("remove", "Deletes a subscriber and its delivery log.") { id };
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            await context.CallAsync(context.Admin.DeleteWebhookAsync, new DeleteWebhookRequest { Id = parse.GetValue(id)! });
            context.Output.Line($"Subscriber {parse.GetValue(id)} removed.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Deliveries()
    {
        var id = new Argument<string>("id") { Description = "The subscriber's id (wh_…)" };
        var limit = new Option<int>("--limit") { Description = "At most this many attempts (1..200; default 50)", HelpName = "N" };
        var command = new Command("deliveries", "The latest delivery attempts to a subscriber, newest first.") { id, limit };
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var response = await context.CallAsync(context.Admin.ListWebhookDeliveriesAsync,
                new ListWebhookDeliveriesRequest { Id = parse.GetValue(id)!, MaxResults = parse.GetValue(limit) });
            if (context.Output.Json)
            {
                context.Output.Message(response);
                return ExitCodes.Ok;
            }
            context.Output.Line($"{"change",8}  {"attempt",7}  {"status",6}  {"ms",7}  when");
            foreach (var d in response.Deliveries)
                context.Output.Line($"{d.Sequence,8}  {d.Attempt,7}  {(d.Delivered ? d.StatusCode.ToString() : d.StatusCode == 0 ? "-" : d.StatusCode.ToString()),6}  {d.Milliseconds,7:0.0}  " +
                                    $"{MessageText.Date(d.At)}{(d.Delivered ? "" : "  " + d.Error)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
