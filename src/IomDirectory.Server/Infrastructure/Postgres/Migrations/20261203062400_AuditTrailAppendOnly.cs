using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IomDirectory.Server.Infrastructure.Postgres.Migrations
{
    /// <summary>
    /// The audit trail is append-only in PostgreSQL as in SQLite: a trigger refuses every UPDATE and DELETE of a row and
    /// every TRUNCATE, so a change and its audit event commit together or not at all and no event is rewritten
    /// afterwards. It binds every role but the table's owner and superusers, who can disable the trigger: the service
    /// must run as a role that does not own the schema (--migration-db migrates as the owner; README, Deployment).
    /// </summary>
    [DbContext(typeof(PostgresDirectoryDbContext))]
    [Migration("20261203062400_AuditTrailAppendOnly")]
    public partial class AuditTrailAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit trail is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "AuditEvents"
                    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoTruncate" BEFORE TRUNCATE ON "AuditEvents"
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEvents_NoTruncate" ON "AuditEvents";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEvents_NoUpdateOrDelete" ON "AuditEvents";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_events_append_only();");
        }
    }
}
