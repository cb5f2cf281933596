using System.Text.Json;
using IomDirectory.Server.Domain;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IomDirectory.Server.Infrastructure;

/// <summary>Stores a <see cref="LocalizedList"/> as a JSON object <c>{"en":[…],"fr":[…],"es":[…]}</c>.</summary>
internal sealed class LocalizedListConverter() : ValueConverter<LocalizedList, string>(
    v => Serialize(v),
    v => Deserialize(v))
{
    private sealed record Shape(string[]? En, string[]? Fr, string[]? Es);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string Serialize(LocalizedList list) =>
        JsonSerializer.Serialize(new Shape(list.En.ToArray(), list.Fr.ToArray(), list.Es.ToArray()), Json);

    private static LocalizedList Deserialize(string json)
    {
        var shape = JsonSerializer.Deserialize<Shape>(json, Json);
        return shape is null ? LocalizedList.Empty : new LocalizedList(shape.En ?? [], shape.Fr ?? [], shape.Es ?? []);
    }
}

internal sealed class LocalizedListComparer() : ValueComparer<LocalizedList>(
    (a, b) => a == null ? b == null : a.Equals(b),
    v => v.GetHashCode(),
    v => new LocalizedList(v.En.ToArray(), v.Fr.ToArray(), v.Es.ToArray()));
