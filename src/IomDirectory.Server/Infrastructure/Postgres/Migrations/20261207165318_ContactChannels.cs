using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IomDirectory.Server.Infrastructure.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ContactChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Channels",
                table: "Units",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "Channels",
                table: "Offices",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "Channels",
                table: "FocalPoints",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "PersonTitle",
                table: "FocalPoints",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FirstSuggestionCounts",
                columns: table => new
                {
                    RecordKey = table.Column<string>(type: "text", nullable: false),
                    Weight = table.Column<double>(type: "double precision", nullable: false),
                    LastAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FirstSuggestionCounts", x => x.RecordKey);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FirstSuggestionCounts_Weight",
                table: "FirstSuggestionCounts",
                column: "Weight");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FirstSuggestionCounts");

            migrationBuilder.DropColumn(
                name: "Channels",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Channels",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Channels",
                table: "FocalPoints");

            migrationBuilder.DropColumn(
                name: "PersonTitle",
                table: "FocalPoints");
        }
    }
}
