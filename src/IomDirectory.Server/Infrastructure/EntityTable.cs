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
/// one prepared SQLite command instead of change tracking and query materialization. The migrations stay the only
/// description of the schema: nothing here names a table or a column.
/// </summary>
internal sealed class EntityTable<T> where T : class
{
    private static EntityTable<T>? _shared;

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

    /// <summary>The mapping of <typeparamref name="T"/>; the model is the same for every context, so it is built once.</summary>
    public static EntityTable<T> Of(DbContext context) => _shared ??= new EntityTable<T>(context);

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

    /// <summary>How many distinct values <paramref name="property"/> takes over the table's rows.</summary>
    public long CountDistinct(SqliteConnection connection, string property)
    {
        var column = _columns.Single(c => c.Property == _entityType.FindProperty(property));
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(DISTINCT {column.Name}) FROM {Name}";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Every row of the table, built as EF builds it; texts shared through <paramref name="pool"/>.</summary>
    public List<T> ReadAll(DbContext context, SqliteConnection connection, SqliteTransaction transaction, LoadPool pool)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {string.Join(", ", _columns.Select(c => c.Name))} FROM {Name}";
        using var reader = command.ExecuteReader();
        var values = new object?[_valueCount];
        var rows = new List<T>();
        while (reader.Read())
        {
            for (var i = 0; i < _columns.Length; i++)
                values[_columns[i].ValueIndex] = _columns[i].ModelValue(reader, i, pool);
            rows.Add((T)_materializer(new MaterializationContext(new ValueBuffer(values), context)));
        }
        return rows;
    }
}
