using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Changes;
namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>Ids are unique across every kind of record and never reused, even after a record is retired.</summary>
public static class AdminIds
{
    public static bool Taken(DirectorySnapshot snapshot, string id) =>
        snapshot.Units.History(id).Count > 0 || snapshot.Offices.History(id).Count > 0 || snapshot.Mailboxes.History(id).Count > 0
        || snapshot.FocalPoints.History(id).Count > 0 || snapshot.OfficeFunctions.History(id).Count > 0
        || snapshot.Coverage.History(id).Count > 0 || snapshot.Committees.History(id).Count > 0;
}
