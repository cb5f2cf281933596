using System.Buffers;
using System.Data.Common;
using IomDirectory.Server.Domain;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// One mapped property of an entity (complex-type members included) as its column: the name, the EF type mapping
/// that binds and reads it, and the model's value converter, used in both directions by <see cref="EntityTable{T}"/>.
/// </summary>
internal sealed class EntityColumn
{
    private readonly RelationalTypeMapping _mapping;
    private readonly ValueConverter? _converter;
    private readonly IClrPropertyGetter _getter;
    private readonly Func<DbDataReader, int, object> _read;
    private readonly bool _nullable;

    public EntityColumn(IProperty property, StoreObjectIdentifier table, ISqlGenerationHelper sql, int ordinal)
    {
        Property = property;
        _mapping = property.GetRelationalTypeMapping();
        _converter = _mapping.Converter;
        _getter = property.GetGetter();
        _read = Reader(_mapping.GetDataReaderMethod());
        _nullable = property.IsNullable;
        Name = sql.DelimitIdentifier(property.GetColumnName(table)
                                    ?? throw new InvalidOperationException($"{property.Name} has no column in {table.Name}."));
        Parameter = sql.GenerateParameterName("p" + ordinal);
        ValueIndex = property.GetIndex();
        IsStoreGenerated = property.ValueGenerated != ValueGenerated.Never;
    }

    public IProperty Property { get; }

    /// <summary>The delimited column name.</summary>
    public string Name { get; }

    /// <summary>The parameter the insert binds this column's value to (by position: the columns' order).</summary>
    public string Parameter { get; }

    /// <summary>Where EF's materializer expects this property's value in a row's value buffer.</summary>
    public int ValueIndex { get; }

    /// <summary>A column the store fills on insert (an integer row key): a new row leaves it out, as EF does.</summary>
    public bool IsStoreGenerated { get; }

    /// <summary>Binds the value the store keeps for this property of <paramref name="entity"/> to parameter <paramref name="position"/>.</summary>
    public void Bind(PreparedInsert insert, int position, object entity)
    {
        var value = _getter.GetClrValueUsingContainingEntity(entity);
        if (value is LocalizedList list && _converter is LocalizedListConverter)
            insert.BindText(position, LocalizedListConverter.Utf8(list, t_json ??= new ArrayBufferWriter<byte>(1024)));  // no string in between
        else
            insert.Bind(position, _converter is null || value is null ? value : _converter.ConvertToProvider(value));
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_json;

    /// <summary>A parameter of <paramref name="command"/> holding this column's value of <paramref name="entity"/>, typed by the EF mapping (which converts).</summary>
    public DbParameter CreateParameter(DbCommand command, string name, object entity) =>
        _mapping.CreateParameter(command, name, _getter.GetClrValueUsingContainingEntity(entity), _nullable);

    /// <summary>The model value of this column in the reader's current row; equal texts come back as one instance.</summary>
    public object? ModelValue(DbDataReader reader, int ordinal, LoadPool pool)
    {
        if (_nullable && reader.IsDBNull(ordinal)) return null;
        var stored = _read(reader, ordinal);
        if (_converter is null)
            return stored is string text ? pool.Text(text) : stored;
        return stored is string source ? pool.Converted(_converter, source) : _converter.ConvertFromProvider(stored);
    }

    private static Func<DbDataReader, int, object> Reader(System.Reflection.MethodInfo method)
    {
        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var ordinal = Expression.Parameter(typeof(int), "ordinal");
        var call = Expression.Call(Expression.Convert(reader, method.DeclaringType!), method, ordinal);
        return Expression.Lambda<Func<DbDataReader, int, object>>(Expression.Convert(call, typeof(object)), reader, ordinal).Compile();
    }
}
