using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IomDirectory.Server.Infrastructure;

/// <summary>SQLite keeps no DateTimeKind; every instant in the directory is UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
