using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using IomDirectory.Contracts.V1;
using IomDirectory.Grpc;
using IomDirectory.Server.Features.Admin.Audit;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Features.Admin.Coverage;
using IomDirectory.Server.Features.Admin.FocalPoints;
using IomDirectory.Server.Features.Admin.Interchange;
using IomDirectory.Server.Features.Admin.Mailboxes;
using IomDirectory.Server.Features.Admin.Offices;
using IomDirectory.Server.Features.Admin.Units;
using IomDirectory.Server.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using static IomDirectory.Server.Rpc.AdminRequestMapping;

namespace IomDirectory.Server.Rpc;

/// <summary>iom.directory.v1.AdminService: map the message, send the command, map the result (as read right after the commit).</summary>
public static class AdminServiceBinding
{
    /// <summary>The most document bytes one <see cref="ExportChunk"/> carries.</summary>
    public const int ExportChunkSize = 64 * 1024;

    public static IGrpcServerBuilder AddAdminService(this IGrpcServerBuilder builder) =>
        builder.AddService(AdminReflection.Descriptor.Services.Single(s => s.Name == "AdminService"), Bind);

    private static void Bind(GrpcServiceBinder b)
    {
        b.Unary<CreateOfficeRequest, Office>("CreateOffice", async (r, c) =>
            Written(c, await c.Send(new CreateOfficeCommand(r.Id, Office(r.Office), Write(r.Write)))));
        b.Unary<UpdateOfficeRequest, Office>("UpdateOffice", async (r, c) =>
            Written(c, await c.Send(new UpdateOfficeCommand(r.Id, r.ExpectedVersion, Office(r.Office), Mask(r.UpdateMask), Write(r.Write)))));
        b.Unary<RetireRequest, RetireResponse>("RetireOffice", async (r, c) =>
            Retired(await c.Send(new RetireOfficeCommand(r.Id, r.ExpectedVersion, Write(r.Write)))));

        b.Unary<CreateUnitRequest, Unit>("CreateUnit", async (r, c) =>
            Written(c, await c.Send(new CreateUnitCommand(r.Id, Unit(r.Unit), Write(r.Write)))));
        b.Unary<UpdateUnitRequest, Unit>("UpdateUnit", async (r, c) =>
            Written(c, await c.Send(new UpdateUnitCommand(r.Id, r.ExpectedVersion, Unit(r.Unit), Mask(r.UpdateMask), Write(r.Write)))));
        b.Unary<MoveUnitRequest, Unit>("MoveUnit", async (r, c) =>
            Written(c, await c.Send(new MoveUnitCommand(r.Id, r.ExpectedVersion, r.NewParentUnitId, Write(r.Write)))));
        b.Unary<RetireUnitRequest, RetireResponse>("RetireUnit", async (r, c) =>
            Retired(await c.Send(new RetireUnitCommand(r.Id, r.ExpectedVersion,
                new RetireUnitOptions(r.MoveChildrenTo, r.RetireChildren, r.MoveMailboxesTo, r.RetireMailboxes, r.RetireFocalPoints), Write(r.Write)))));

        b.Unary<CreateMailboxRequest, Mailbox>("CreateMailbox", async (r, c) =>
            Written(c, await c.Send(new CreateMailboxCommand(r.Id, Mailbox(r.Mailbox), Write(r.Write)))));
        b.Unary<UpdateMailboxRequest, Mailbox>("UpdateMailbox", async (r, c) =>
            Written(c, await c.Send(new UpdateMailboxCommand(r.Id, r.ExpectedVersion, Mailbox(r.Mailbox), Mask(r.UpdateMask), Write(r.Write)))));
        b.Unary<RetireRequest, RetireResponse>("RetireMailbox", async (r, c) =>
            Retired(await c.Send(new RetireRecordCommand(RetireRecordCommand.Mailbox, r.Id, r.ExpectedVersion, Write(r.Write)))));

        b.Unary<CreateFocalPointRequest, FocalPoint>("CreateFocalPoint", async (r, c) =>
            Written(c, await c.Send(new CreateFocalPointCommand(r.Id, FocalPoint(r.FocalPoint), Write(r.Write)))));
        b.Unary<UpdateFocalPointRequest, FocalPoint>("UpdateFocalPoint", async (r, c) =>
            Written(c, await c.Send(new UpdateFocalPointCommand(r.Id, r.ExpectedVersion, FocalPoint(r.FocalPoint), Mask(r.UpdateMask), Write(r.Write)))));
        b.Unary<RetireRequest, RetireResponse>("RetireFocalPoint", async (r, c) =>
            Retired(await c.Send(new RetireRecordCommand(RetireRecordCommand.FocalPoint, r.Id, r.ExpectedVersion, Write(r.Write)))));

        b.Unary<SetCoverageRequest, SetCoverageResponse>("SetCoverage", async (r, c) =>
        {
            var outcome = await c.Send(new SetCoverageCommand(r.OfficeId, r.CountryCodes.ToList(), Write(r.Write)));
            var response = new SetCoverageResponse { Sequence = outcome.Sequence };
            response.ChangedCountries.AddRange(outcome.ChangedCountries);
            return response;
        });

        b.Unary<ImportDirectoryRequest, ImportDirectoryResponse>("ImportDirectory", async (r, c) =>
        {
            var outcome = await c.Send(new ImportDirectoryCommand(r.Content.Memory, r.DryRun,
                new Features.Admin.Common.WriteContext(r.Reason, DateTime.UtcNow)));
            var response = new ImportDirectoryResponse { Applied = outcome.Applied, Unchanged = outcome.Unchanged, Sequence = outcome.Sequence };
            response.Changes.AddRange(outcome.Changes.Select(change =>
            {
                var message = new RecordChange { Kind = change.Kind, Id = change.Id, Change = change.Change };
                message.Fields.AddRange(change.Fields);
                return message;
            }));
            return response;
        });
        b.ServerStreaming<ExportDirectoryRequest, ExportChunk>("ExportDirectory", async (r, stream, c) =>
        {
            var document = await c.Send(new ExportDirectoryQuery(Instant(r.AsOf)));
            for (var offset = 0; offset < document.Length; offset += ExportChunkSize)
                await stream.WriteAsync(new ExportChunk { Data = ByteString.CopyFrom(document, offset, Math.Min(ExportChunkSize, document.Length - offset)) },
                    c.CancellationToken);
        });

        b.Unary<ListAuditEventsRequest, ListAuditEventsResponse>("ListAuditEvents", async (r, c) =>
        {
            var page = await c.Send(new ListAuditEventsQuery(r.EntityId, r.Actor, Instant(r.Since), Instant(r.Until), RequestMapping.Page(r.PageSize, r.PageToken)));
            var response = new ListAuditEventsResponse { NextPageToken = page.NextPageToken };
            response.Events.AddRange(page.Items.Select(AuditMapping.Event));
            return response;
        });
        b.ServerStreaming<WatchChangesRequest, ChangeEvent>("WatchChanges", async (r, stream, c) =>
        {
            var changes = await c.Send(new WatchChangesQuery(r.AfterSequence));
            await foreach (var e in changes.WithCancellation(c.CancellationToken))
                await stream.WriteAsync(new ChangeEvent { Sequence = e.Sequence, Event = AuditMapping.Event(e) }, c.CancellationToken);
        });
    }

    private static DirectoryView Now(ServerCallContext c) =>
        c.RequestServices.GetRequiredService<DirectorySnapshotProvider>().Current.At(DateTime.UtcNow);

    /// <summary>A written record as the directory now holds it (the version in force now, or the one just written if it starts later).</summary>
    private static Office Written(ServerCallContext c, Domain.OfficeRecord o) => MessageMapping.Office(o, Now(c), "en");
    private static Unit Written(ServerCallContext c, Domain.UnitRecord u) => MessageMapping.Unit(u, Now(c), "en");
    private static Mailbox Written(ServerCallContext c, Domain.MailboxRecord m) => MessageMapping.Mailbox(m, Now(c), "en");
    private static FocalPoint Written(ServerCallContext c, Domain.FocalPointRecord f) => MessageMapping.FocalPoint(f, Now(c), "en");

    private static RetireResponse Retired(RetireOutcome outcome)
    {
        var response = new RetireResponse { Sequence = outcome.Sequence };
        response.RetiredIds.AddRange(outcome.Retired);
        response.MovedIds.AddRange(outcome.Moved);
        return response;
    }
}
