using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// One entity type's table as the EF model maps it — table and column names, value conversions, and EF's own way
/// of constructing the CLR object — for the bulk paths (seeding, loading the snapshot) that move every row through
/// one prepared command instead of change tracking and query materialization (on SQLite a statement prepared on the
/// native handle; on other providers multi-row INSERTs through the provider's own parameters). The migrations stay the only
/// description of the schema: nothing here names a table or a column.
/// </summary>
internal sealed class EntityTable<T> where T : class
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, EntityTable<T>> Shared = new();

    private readonly EntityColumn[] _columns;
    private readonly IEntityType _entityType;
    private readonly Func<MaterializationContext, object> _materializer;
    private readonly int _valueCount;

    private EntityTable(DbContext context)
    {
        var entityType = context.Model.FindEntityType(typeof(T))
                         ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of {context.GetType().Name}.");
        var sql = context.GetService<ISqlGenerationHelper>();
        _entityType = entityType;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        Name = sql.DelimitIdentifier(table.Name, table.Schema);
        _columns = entityType.GetFlattenedProperties().Select((p, i) => new EntityColumn(p, table, sql, i)).ToArray();
        _materializer = context.GetService<IStructuralTypeMaterializerSource>().GetMaterializer(entityType);
        _valueCount = _columns.Max(c => c.ValueIndex) + 1;
    }

    /// <summary>The delimited table name.</summary>
    public string Name { get; }

    /// <summary>The mapping of <typeparamref name="T"/>; EF builds one model per context type (so per provider here), and so is this.</summary>
    public static EntityTable<T> Of(DbContext context) => Shared.GetOrAdd(context.GetType(), _ => new EntityTable<T>(context));

    /// <summary>Inserts <paramref name="rows"/> in <paramref name="transaction"/> through one prepared statement.</summary>
    /// <param name="transaction">Begun on <paramref name="connection"/>; the statement runs on the same handle, so inside it.</param>
    public void Insert(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<T> rows)
    {
        if (transaction.Connection != connection)
            throw new ArgumentException("The transaction belongs to another connection.", nameof(transaction));
        var written = _columns.Where(c => !c.IsStoreGenerated).ToArray();
        using var insert = new PreparedInsert(connection, $"INSERT INTO {Name} ({string.Join(", ", written.Select(c => c.Name))}) " +
                                                          $"VALUES ({string.Join(", ", written.Select(c => c.Parameter))})");
        foreach (var row in rows)
        {
            for (var i = 0; i < written.Length; i++)
                written[i].Bind(insert, i + 1, row);
            insert.Execute();
        }
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> in <paramref name="transaction"/> with any ADO.NET provider: multi-row INSERTs of
    /// <paramref name="rowsPerStatement"/> rows, each value a parameter made by the column's EF type mapping.
    /// </summary>
    public void InsertBatched(DbConnection connection, DbTransaction transaction, IEnumerable<T> rows, int rowsPerStatement = 200)
    {
        var written = _columns.Where(c => !c.IsStoreGenerated).ToArray();
        var prefix = $"INSERT INTO {Name} ({string.Join(", ", written.Select(c => c.Name))}) VALUES ";
        var pending = new List<T>(rowsPerStatement);
        foreach (var row in rows)
        {
            pending.Add(row);
            if (pending.Count == rowsPerStatement) Flush();
        }
        Flush();

        void Flush()
        {
            if (pending.Count == 0) return;
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new System.Text.StringBuilder(prefix);
            for (var r = 0; r < pending.Count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var i = 0; i < written.Length; i++)
                {
                    var name = $"{written[i].Parameter}_{r}";
                    if (i > 0) sql.Append(", ");
                    sql.Append(name);
                    command.Parameters.Add(written[i].CreateParameter(command, name, pending[r]));
                }
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            command.ExecuteNonQuery();
            pending.Clear();
        }
    }

    /// <summary>How many distinct values <paramref name="property"/> takes over the table's rows.</summary>
    public long CountDistinct(DbConnection connection, string property)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(DISTINCT {Column(property).Name}) FROM {Name}";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every row of the table, built as EF builds it; texts shared through <paramref name="pool"/>.</summary>
    public List<T> ReadAll(DbContext context, DbConnection connection, DbTransaction transaction, LoadPool pool)
    {
        using var command = Select(connection, transaction, null, []);
        using var reader = command.ExecuteReader();
        var buffer = new object?[_valueCount];
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(Materialize(context, reader, buffer, pool));
        return rows;
    }

    /// <summary>
    /// The rows whose <paramref name="property"/> is one of <paramref name="values"/> (every version of those records).
    /// Asynchronous: it runs while the server serves (a replica following changes), where a blocked thread-pool thread
    /// waiting on the network would hold up requests.
    /// </summary>
    public async Task<List<T>> ReadWhereInAsync(DbContext context, DbConnection connection, DbTransaction transaction, LoadPool pool, string property,
        IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        const int PerQuery = 500;
        foreach (var chunk in values.Chunk(PerQuery))
        {
            await using var command = Select(connection, transaction, Column(property), chunk);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var buffer = new object?[_valueCount];
            while (await reader.ReadAsync(cancellationToken))
                rows.Add(Materialize(context, reader, buffer, pool));
        }
        return rows;
    }

    private T Materialize(DbContext context, DbDataReader reader, object?[] buffer, LoadPool pool)
    {
        for (var i = 0; i < _columns.Length; i++)
            buffer[_columns[i].ValueIndex] = _columns[i].ModelValue(reader, i, pool);
        return (T)_materializer(new MaterializationContext(new ValueBuffer(buffer), context));
    }

    private DbCommand Select(DbConnection connection, DbTransaction transaction, EntityColumn? filter, IReadOnlyList<string> values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = $"SELECT {string.Join(", ", _columns.Select(c => c.Name))} FROM {Name}";
        if (filter is not null)
        {
            var names = new string[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                names[i] = $"{filter.Parameter}_{i}";
                var parameter = command.CreateParameter();
                parameter.ParameterName = names[i];
                parameter.Value = values[i];
                command.Parameters.Add(parameter);
            }
            sql += $" WHERE {filter.Name} IN ({string.Join(", ", names)})";
        }
        // In row-key order where the table has one: the order the rows were written in (a record's first version
        // first), on every provider, whether the whole table is read or only some records.
        if (_columns.FirstOrDefault(c => c.IsStoreGenerated) is { } key)
            sql += $" ORDER BY {key.Name}";
        command.CommandText = sql;
        return command;
    }

    private EntityColumn Column(string property) => _columns.Single(c => c.Property == _entityType.FindProperty(property));
}
