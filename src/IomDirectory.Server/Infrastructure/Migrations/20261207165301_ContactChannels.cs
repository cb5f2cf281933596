using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IomDirectory.Server.Infrastructure.Migrations
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
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "Channels",
                table: "Offices",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "Channels",
                table: "FocalPoints",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "PersonTitle",
                table: "FocalPoints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FirstSuggestionCounts",
                columns: table => new
                {
                    RecordKey = table.Column<string>(type: "TEXT", nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    LastAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
