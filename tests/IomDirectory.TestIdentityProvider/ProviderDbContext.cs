using Microsoft.EntityFrameworkCore;

namespace IomDirectory.TestIdentityProvider;

/// <summary>OpenIddict's applications, authorizations and tokens (device codes, refresh tokens) in a SQLite file of the run.</summary>
public sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options) : DbContext(options);
