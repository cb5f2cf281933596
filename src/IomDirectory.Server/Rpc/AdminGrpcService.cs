using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Server.Features.Admin.Audit;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Features.Admin.Coverage;
using IomDirectory.Server.Features.Admin.FocalPoints;
using IomDirectory.Server.Features.Admin.Interchange;
using IomDirectory.Server.Features.Admin.Mailboxes;
using IomDirectory.Server.Features.Admin.Offices;
using IomDirectory.Server.Features.Admin.Units;
using IomDirectory.Server.Features.Admin.Webhooks;
using static IomDirectory.Server.Rpc.AdminRequestMapping;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Changes;
using IomDirectory.Server.Rpc.Internal;

namespace IomDirectory.Server.Rpc;

/// <summary>
/// iom.directory.v1.AdminService on grpc-dotnet's generated base: map the message, send the command, map the result
/// (as read right after the commit). A singleton, like the other services.
/// </summary>
[BindServiceMethod(typeof(AdminGrpcService), nameof(BindService))]
public class AdminGrpcService(RpcPipeline rpc, DirectorySnapshotProvider snapshots, Hosting.ReceiveLimits limits)
{
    /// <summary>The service this class implements, read by grpc-dotnet's reflection and JSON transcoding.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => AdminService.Descriptor;

    /// <summary>Binds every method of the descriptor with our marshallers (<see cref="PreEncodedResponses"/>).</summary>
    public static void BindService(ServiceBinderBase binder, AdminGrpcService service) => PreEncodedResponses.Bind(binder, Descriptor);

    /// <summary>The most document bytes one <see cref="ExportChunk"/> carries.</summary>
    public const int ExportChunkSize = 64 * 1024;

    public virtual async Task<Office> CreateOffice(CreateOfficeRequest r, ServerCallContext c) =>
        Written(await rpc.Send(c, new CreateOfficeCommand(r.Id, Office(r.Office), Write(r.Write))));

    public virtual async Task<Office> UpdateOffice(UpdateOfficeRequest r, ServerCallContext c) =>
        Written(await rpc.Send(c, new UpdateOfficeCommand(r.Id, r.ExpectedVersion, Office(r.Office), Mask(r.UpdateMask), Write(r.Write))));

    public virtual async Task<RetireResponse> RetireOffice(RetireRequest r, ServerCallContext c) =>
        Retired(await rpc.Send(c, new RetireOfficeCommand(r.Id, r.ExpectedVersion, Write(r.Write))));

    public virtual async Task<Unit> CreateUnit(CreateUnitRequest r, ServerCallContext c) =>
        Written(await rpc.Send(c, new CreateUnitCommand(r.Id, Unit(r.Unit), Write(r.Write))));

    public virtual async Task<Unit> UpdateUnit(UpdateUnitRequest r, ServerCallContext c) =>
        Written(await rpc.Send(c, new UpdateUnitCommand(r.Id, r.ExpectedVersion, Unit(r.Unit), Mask(r.UpdateMask), Write(r.Write))));

    public virtual async Task<Unit> MoveUnit(MoveUnitRequest r, ServerCallContext c) =>
        Written(await rpc.Send(c, new MoveUnitCommand(r.Id, r.ExpectedVersion, r.NewParentUnitId, Write(r.Write))));

    public virtual async Task<RetireResponse> RetireUnit(RetireUnitRequest r, ServerCallContext c) =>
        Retired(await rpc.Send(c, new RetireUnitCommand(r.Id, r.ExpectedVersion,
                new RetireUnitOptions(r.MoveChildrenTo, r.RetireChildren, r.MoveMailboxesTo, r.RetireMailboxes, r.RetireFocalPoints), Write(r.Write))));

    public virtual async Task<Mailbox> CreateMailbox(CreateMailboxRequest r, ServerCallContext c) =>
        Written(await rpc.Send(c, new CreateMailboxCommand(r.Id, Mailbox(r.Mailbox), Write(r.Write))));

    public virtual async Task<Mailbox> UpdateMailbox(UpdateMailboxRequest r, ServerCallContext c) =>
        Written(await rpc.Send(c, new UpdateMailboxCommand(r.Id, r.ExpectedVersion, Mailbox(r.Mailbox), Mask(r.UpdateMask), Write(r.Write))));

    public virtual async Task<RetireResponse> RetireMailbox(RetireRequest r, ServerCallContext c) =>
        Retired(await rpc.Send(c, new RetireRecordCommand(RetireRecordCommand.Mailbox, r.Id, r.ExpectedVersion, Write(r.Write))));

    public virtual async Task<FocalPoint> CreateFocalPoint(CreateFocalPointRequest r, ServerCallContext c) =>
        Written(await rpc.Send(c, new CreateFocalPointCommand(r.Id, FocalPoint(r.FocalPoint), Write(r.Write))));

    public virtual async Task<FocalPoint> UpdateFocalPoint(UpdateFocalPointRequest r, ServerCallContext c) =>
        Written(await rpc.Send(c, new UpdateFocalPointCommand(r.Id, r.ExpectedVersion, FocalPoint(r.FocalPoint), Mask(r.UpdateMask), Write(r.Write))));

    public virtual async Task<RetireResponse> RetireFocalPoint(RetireRequest r, ServerCallContext c) =>
        Retired(await rpc.Send(c, new RetireRecordCommand(RetireRecordCommand.FocalPoint, r.Id, r.ExpectedVersion, Write(r.Write))));

    public virtual async Task<SetCoverageResponse> SetCoverage(SetCoverageRequest r, ServerCallContext c)
    {
        var outcome = await rpc.Send(c, new SetCoverageCommand(r.OfficeId, r.CountryCodes.ToList(), Write(r.Write)));
        var response = new SetCoverageResponse { Sequence = outcome.Sequence };
        response.ChangedCountries.AddRange(outcome.ChangedCountries);
        return response;
    }

    public virtual async Task<ImportDirectoryResponse> ImportDirectory(ImportDirectoryRequest r, ServerCallContext c)
    {
        var outcome = await rpc.Send(c, new ImportDirectoryCommand(r.Content.Memory, r.DryRun,
            new Changes.WriteContext(r.Reason, DateTime.UtcNow)));
        return ImportMapping.Response(outcome, limits.Admin);   // values bounded like the request: as many characters as it may hold bytes
    }

    public virtual async Task ExportDirectory(ExportDirectoryRequest r, IServerStreamWriter<ExportChunk> stream, ServerCallContext c)
    {
        var document = await rpc.Send(c, new ExportDirectoryQuery(Instant(r.AsOf)));
        for (var offset = 0; offset < document.Length; offset += ExportChunkSize)
            await stream.WriteAsync(new ExportChunk { Data = ByteString.CopyFrom(document, offset, Math.Min(ExportChunkSize, document.Length - offset)) },
                c.CancellationToken);
    }

    public virtual async Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest r, ServerCallContext c)
    {
        var page = await rpc.Send(c, new ListAuditEventsQuery(r.EntityId, r.Actor, Instant(r.Since), Instant(r.Until), RequestMapping.Page(r.PageSize, r.PageToken)));
        var response = new ListAuditEventsResponse { NextPageToken = page.NextPageToken };
        response.Events.AddRange(page.Items.Select(AuditMapping.Event));
        return response;
    }

    public virtual async Task<ListReachabilityGapsResponse> ListReachabilityGaps(ListReachabilityGapsRequest r, ServerCallContext c)
    {
        var report = await rpc.Send(c, new Features.Admin.Gaps.ListReachabilityGapsQuery(r.MaxResults));
        var response = new ListReachabilityGapsResponse { Total = report.Total };
        response.Gaps.AddRange(report.Gaps.Select(g => new ReachabilityGap
        {
            Kind = g.Gap.Kind, Id = g.Gap.Id, Name = g.Gap.Name.In("en"), RecentFirstCount = g.RecentFirstCount,
        }));
        return response;
    }

    public virtual async Task WatchChanges(WatchChangesRequest r, IServerStreamWriter<ChangeEvent> stream, ServerCallContext c)
    {
        var changes = await rpc.Send(c, new WatchChangesQuery(r.AfterSequence));
        await foreach (var e in changes.WithCancellation(c.CancellationToken))
            await stream.WriteAsync(new ChangeEvent { Sequence = e.Sequence, Event = AuditMapping.Event(e) }, c.CancellationToken);
    }

    public virtual async Task<CreateWebhookResponse> CreateWebhook(CreateWebhookRequest r, ServerCallContext c)
    {
        var created = await rpc.Send(c, new CreateWebhookCommand(r.Url, [.. r.Kinds], r.Description, r.Secret, r.AfterSequence));
        return new CreateWebhookResponse { Webhook = WebhookMapping.Webhook(created.Webhook), Secret = created.Secret };
    }

    public virtual async Task<ListWebhooksResponse> ListWebhooks(ListWebhooksRequest r, ServerCallContext c)
    {
        var response = new ListWebhooksResponse();
        response.Webhooks.AddRange((await rpc.Send(c, new ListWebhooksQuery())).Select(WebhookMapping.Webhook));
        return response;
    }

    public virtual async Task<Webhook> EnableWebhook(EnableWebhookRequest r, ServerCallContext c) =>
        WebhookMapping.Webhook(await rpc.Send(c, new EnableWebhookCommand(r.Id)));

    public virtual async Task<DeleteWebhookResponse> DeleteWebhook(DeleteWebhookRequest r, ServerCallContext c)
    {
        await rpc.Send(c, new DeleteWebhookCommand(r.Id));
        return new DeleteWebhookResponse();
    }

    public virtual async Task<ListWebhookDeliveriesResponse> ListWebhookDeliveries(ListWebhookDeliveriesRequest r, ServerCallContext c)
    {
        var response = new ListWebhookDeliveriesResponse();
        response.Deliveries.AddRange((await rpc.Send(c, new ListWebhookDeliveriesQuery(r.Id, r.MaxResults))).Select(WebhookMapping.Delivery));
        return response;
    }

    private DirectoryView Now() => snapshots.Current.At(DateTime.UtcNow);

    /// <summary>A written record as the directory now holds it (the version in force now, or the one just written if it starts later).</summary>
    private Office Written(Domain.OfficeRecord o) => MessageMapping.Office(o, Now(), "en");
    private Unit Written(Domain.UnitRecord u) => MessageMapping.Unit(u, Now(), "en");
    private Mailbox Written(Domain.MailboxRecord m) => MessageMapping.Mailbox(m, Now(), "en");
    private FocalPoint Written(Domain.FocalPointRecord f) => MessageMapping.FocalPoint(f, Now(), "en");

    private static RetireResponse Retired(RetireOutcome outcome)
    {
        var response = new RetireResponse { Sequence = outcome.Sequence };
        response.RetiredIds.AddRange(outcome.Retired);
        response.MovedIds.AddRange(outcome.Moved);
        return response;
    }
}
