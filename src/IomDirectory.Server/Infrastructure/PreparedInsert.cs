using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// One INSERT prepared on the connection's own SQLite handle and bound by position, for the bulk path of
/// <see cref="EntityTable{T}"/>. Through a <see cref="SqliteCommand"/> each row looked every parameter up by name
/// and opened a data reader, which cost several times SQLite's own insert. Values are bound exactly as
/// Microsoft.Data.Sqlite binds them (tests compare the stored values with EF's), for the provider types a model
/// maps to; any other type is refused rather than guessed.
/// </summary>
internal sealed class PreparedInsert : IDisposable
{
    // Microsoft.Data.Sqlite's text form of a DateTime (SqliteValueBinder), which EF's SQL compares against.
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[4096];

    /// <param name="connection">Open; a transaction begun on it covers these inserts.</param>
    public PreparedInsert(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Binds the value of parameter <paramref name="position"/> (1-based) for the next <see cref="Execute"/>.</summary>
    public void Bind(int position, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, position),
            string text => BindText(position, text),
            long number => raw.sqlite3_bind_int64(_statement, position, number),
            int number => raw.sqlite3_bind_int64(_statement, position, number),
            short number => raw.sqlite3_bind_int64(_statement, position, number),
            byte number => raw.sqlite3_bind_int64(_statement, position, number),
            bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
            double real when !double.IsNaN(real) => raw.sqlite3_bind_double(_statement, position, real),
            DateTime instant => BindText(position, instant.ToString(DateTimeFormat, CultureInfo.InvariantCulture)),
            byte[] blob => raw.sqlite3_bind_blob(_statement, position, blob),
            _ => throw new NotSupportedException($"No bulk binding for a {value.GetType().Name} value ({value}); map it to text or a number."),
        };
        Check(rc);
    }

    /// <summary>Binds text already encoded as UTF-8.</summary>
    public void BindText(int position, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_statement, position, utf8));

    /// <summary>Runs the insert with the values bound, then makes the statement ready for the next row.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
            SqliteException.ThrowExceptionForRC(rc, _db);
        Check(raw.sqlite3_reset(_statement));
    }

    public void Dispose() => _statement.Dispose();

    private int BindText(int position, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (length > _utf8.Length)
            _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
        var written = Encoding.UTF8.GetBytes(text, _utf8);
        return raw.sqlite3_bind_text(_statement, position, _utf8.AsSpan(0, written));
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
