using IomDirectory.Server.Domain;
using IomDirectory.Server.Seeding;

namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// Writes a validated data set in the context's transaction, table by table through the store's bulk insert
/// (<see cref="EntityTable{T}"/>): change tracking a few hundred thousand rows costs far more than writing them.
/// </summary>
internal static class Seeder
{
    public static void Insert(DirectoryDbContext db, DirectoryStore store, DataSet data, MetaEntry seededAt)
    {
        void Write<T>(IEnumerable<T> rows) where T : class => store.BulkInsert(db, rows);

        Write(data.Sources.Select(s => s.Document).Append(AuditSource.Document));
        Write(data.Countries);
        Write(data.Offices.Select(s => s.Record));
        Write(data.OfficeFunctions.Select(s => s.Record));
        Write(data.Coverage.Select(s => s.Record));
        Write(data.Units.Select(s => s.Record));
        Write(data.Mailboxes.Select(s => s.Record));
        Write(data.FocalPoints.Select(s => s.Record));
        Write(data.Committees.Select(s => s.Record));
        Write([seededAt]);
    }
}
