using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IomDirectory.Server.Infrastructure.Migrations
{
    /// <summary>
    /// Closes a hole in the append-only audit trail: <c>INSERT OR REPLACE</c> with an existing sequence deleted the old
    /// event without firing the delete trigger (SQLite's REPLACE does not, unless recursive_triggers is on) and wrote a
    /// new one in its place. An insert that names an existing sequence is now refused before it happens.
    /// </summary>
    public partial class AuditTrailNoReplace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TRIGGER AuditEvents_NoReplace BEFORE INSERT ON AuditEvents " +
                "WHEN EXISTS (SELECT 1 FROM AuditEvents WHERE Sequence = NEW.Sequence) " +
                "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoReplace;");
        }
    }
}
