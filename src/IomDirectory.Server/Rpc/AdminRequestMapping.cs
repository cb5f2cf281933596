using Google.Protobuf.WellKnownTypes;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Features.Admin.FocalPoints;
using IomDirectory.Server.Features.Admin.Mailboxes;
using IomDirectory.Server.Features.Admin.Offices;
using IomDirectory.Server.Features.Admin.Units;
using Domain = IomDirectory.Server.Domain;
using IomDirectory.Server.Changes;
using IomDirectory.Server.Rpc.Internal;

namespace IomDirectory.Server.Rpc;

/// <summary>From AdminService messages to write commands' application values.</summary>
internal static class AdminRequestMapping
{
    public static Changes.WriteContext Write(Contracts.V1.WriteContext? write) =>
        new(write?.Reason ?? "", write?.EffectiveFrom is { } at ? TimestampMapping.ToUtc(at, "write.effective_from") : DateTime.UtcNow);

    public static Features.Admin.Common.FieldMask Mask(Google.Protobuf.WellKnownTypes.FieldMask? mask) =>
        mask is null || mask.Paths.Count == 0 ? Features.Admin.Common.FieldMask.All : new Features.Admin.Common.FieldMask(mask.Paths.ToList());

    public static Domain.LocalizedText Text(LocalizedText? t) => t is null ? Domain.LocalizedText.Empty : new(t.En.Trim(), t.Fr.Trim(), t.Es.Trim());

    public static UnitFields Unit(UnitInput? u)
    {
        u ??= new UnitInput();
        return new UnitFields((Domain.UnitKind)(int)u.Kind, u.Acronym, Text(u.Name), u.ParentUnitId, u.OfficeId, Text(u.Description),
            new Domain.LocalizedList(u.ResponsibilitiesEn.ToList(), u.ResponsibilitiesFr.ToList(), u.ResponsibilitiesEs.ToList()), Channels(u.Channels));
    }

    public static OfficeFields Office(OfficeInput? o)
    {
        o ??= new OfficeInput();
        return new OfficeFields((Domain.OfficeType)(int)o.Type, Text(o.Name), Text(o.City), o.CountryCode, o.ParentOfficeId, Text(o.Description), Channels(o.Channels));
    }

    public static MailboxFields Mailbox(MailboxInput? m)
    {
        m ??= new MailboxInput();
        return new MailboxFields(m.Address, m.OwnerUnitId, Text(m.Purpose), m.OwnerOfficeId);
    }

    public static FocalPointFields FocalPoint(FocalPointInput? f)
    {
        f ??= new FocalPointInput();
        return new FocalPointFields(Text(f.RoleTitle), f.OfficeId, f.UnitId, f.PersonName, f.Email, Text(f.Description), f.PersonTitle, Channels(f.Channels));
    }

    public static ChannelFields Channels(ChannelsInput? c) => c is null ? ChannelFields.None
        : new ChannelFields([.. c.Emails], [.. c.Phones], c.PostalAddress, c.Website, c.RouteViaId, Text(c.RouteReason));

    /// <summary>An optional instant, named for errors after the binding's argument ("r.Since" → "since").</summary>
    public static DateTime? Instant(Timestamp? t, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(t))] string expression = "") =>
        t is null ? null : TimestampMapping.ToUtc(t, TimestampMapping.FieldName(expression));
}
