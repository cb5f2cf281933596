using IomDirectory.Server.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// The org chart's store: one table per record kind, one row per record version. This type is the SQLite store (its
/// migrations are in Migrations/); <see cref="Postgres.PostgresDirectoryDbContext"/> is the same model on PostgreSQL,
/// with migrations of its own.
/// </summary>
public class DirectoryDbContext : DbContext
{
    public DirectoryDbContext(DbContextOptions<DirectoryDbContext> options) : base(options)
    {
    }

    protected DirectoryDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<SourceDocument> Sources => Set<SourceDocument>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<OfficeRecord> Offices => Set<OfficeRecord>();
    public DbSet<OfficeFunctionRecord> OfficeFunctions => Set<OfficeFunctionRecord>();
    public DbSet<CoverageRecord> Coverage => Set<CoverageRecord>();
    public DbSet<UnitRecord> Units => Set<UnitRecord>();
    public DbSet<MailboxRecord> Mailboxes => Set<MailboxRecord>();
    public DbSet<FocalPointRecord> FocalPoints => Set<FocalPointRecord>();
    public DbSet<CommitteeRecord> Committees => Set<CommitteeRecord>();
    public DbSet<MetaEntry> Meta => Set<MetaEntry>();
    public DbSet<AuditEventRecord> AuditEvents => Set<AuditEventRecord>();
    public DbSet<FirstSuggestionCount> FirstSuggestionCounts => Set<FirstSuggestionCount>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDeliveryRecord> WebhookDeliveries => Set<WebhookDeliveryRecord>();
    public DbSet<Features.Feedback.Suggestion> Suggestions => Set<Features.Feedback.Suggestion>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<LocalizedList>().HaveConversion<LocalizedListConverter, LocalizedListComparer>();
        configurationBuilder.Properties<ContactChannels>().HaveConversion<ContactChannelsConverter, ContactChannelsComparer>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SourceDocument>(e => e.HasKey(s => s.Id));
        modelBuilder.Entity<Country>(e =>
        {
            e.HasKey(c => c.Code);
            e.ComplexProperty(c => c.Name);
        });
        modelBuilder.Entity<MetaEntry>(e => e.HasKey(m => m.Key));
        modelBuilder.Entity<FirstSuggestionCount>(e =>
        {
            e.ToTable("FirstSuggestionCounts");
            e.HasKey(c => c.RecordKey);
            e.HasIndex(c => c.Weight);
        });
        modelBuilder.Entity<WebhookSubscription>(e =>
        {
            e.ToTable("WebhookSubscriptions");
            e.HasKey(w => w.Id);
            e.HasIndex(w => w.NextAttemptAt);
        });
        modelBuilder.Entity<WebhookDeliveryRecord>(e =>
        {
            e.ToTable("WebhookDeliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedOnAdd();
            e.HasIndex(d => new { d.SubscriptionId, d.Id });
        });
        modelBuilder.Entity<Features.Feedback.Suggestion>(Features.Feedback.Suggestion.Configure);
        modelBuilder.Entity<AuditEventRecord>(e =>
        {
            e.ToTable("AuditEvents");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(a => a.EntityId);
            e.HasIndex(a => a.Actor);
            e.HasIndex(a => a.At);
        });

        Versioned<OfficeRecord>(modelBuilder, "Offices", e =>
        {
            e.Property(o => o.Type).HasConversion<string>();
            e.ComplexProperty(o => o.Name);
            e.ComplexProperty(o => o.City);
            e.ComplexProperty(o => o.Description);
            e.HasIndex(o => o.ParentId);
            e.HasIndex(o => o.Country);
        });
        Versioned<OfficeFunctionRecord>(modelBuilder, "OfficeFunctions", e =>
        {
            e.ComplexProperty(f => f.Subregion);
            e.ComplexProperty(f => f.Description);
            e.HasIndex(f => f.OfficeId);
        });
        Versioned<CoverageRecord>(modelBuilder, "Coverage", e => e.HasIndex(c => c.Country));
        Versioned<UnitRecord>(modelBuilder, "Units", e =>
        {
            e.Property(u => u.Kind).HasConversion<string>();
            e.ComplexProperty(u => u.Name);
            e.ComplexProperty(u => u.Description);
            e.HasIndex(u => u.ParentId);
        });
        Versioned<MailboxRecord>(modelBuilder, "Mailboxes", e =>
        {
            e.ComplexProperty(m => m.Purpose);
            e.HasIndex(m => m.OwnerId);
        });
        Versioned<FocalPointRecord>(modelBuilder, "FocalPoints", e =>
        {
            e.ComplexProperty(f => f.RoleTitle);
            e.ComplexProperty(f => f.Description);
        });
        Versioned<CommitteeRecord>(modelBuilder, "Committees", e =>
        {
            e.ComplexProperty(c => c.Name);
            e.ComplexProperty(c => c.Composition);
            e.ComplexProperty(c => c.Description);
        });
    }

    private static void Versioned<T>(ModelBuilder modelBuilder, string table, Action<EntityTypeBuilder<T>> configure)
        where T : VersionedRecord
    {
        modelBuilder.Entity<T>(e =>
        {
            e.ToTable(table);
            e.HasKey(r => r.RowId);
            e.HasIndex(r => new { r.Id, r.ValidFrom }).IsUnique();
            e.Property(r => r.Id).IsRequired();
            e.Property(r => r.Source).IsRequired();
            configure(e);
        });
    }
}
