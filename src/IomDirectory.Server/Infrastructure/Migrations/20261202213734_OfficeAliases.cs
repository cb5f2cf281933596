using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IomDirectory.Server.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class OfficeAliases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Offices",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Offices");
        }
    }
}
