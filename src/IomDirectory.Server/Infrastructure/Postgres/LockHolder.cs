using Npgsql;

namespace IomDirectory.Server.Infrastructure.Postgres;

/// <summary>
/// Who holds one of the service's advisory locks, from pg_locks and pg_stat_activity (the process id, user and
/// application name are visible to every role), for the message of a wait that ran out.
/// </summary>
internal static class LockHolder
{
    public static async Task<string> DescribeAsync(NpgsqlDataSource dataSource, int space, int key, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            // A two-int4 advisory key is classid, objid with objsubid 2.
            await using var command = new NpgsqlCommand("""
                SELECT a.pid, a.usename, a.application_name, a.client_addr::text
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                  AND l.classid::bigint = @space AND l.objid::bigint = @key
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                LIMIT 1
                """, connection);
            command.Parameters.AddWithValue("space", (long)space);
            command.Parameters.AddWithValue("key", (long)key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return "a session that has released it since";
            var from = reader.IsDBNull(3) ? "" : $", from {reader.GetString(3)}";
            return $"PostgreSQL process {reader.GetInt32(0)} (user \"{Text(reader, 1)}\", application \"{Text(reader, 2)}\"{from})";
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return $"a session this role cannot see ({ex.Message.ReplaceLineEndings(" ")})";
        }
    }

    private static string Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? "?" : reader.GetString(column);
}
