using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IomDirectory.Server.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class VersionChangeProvenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChangeReason",
                table: "Units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "Units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DerivedFrom",
                table: "Units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangeReason",
                table: "Offices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Offices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "Offices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DerivedFrom",
                table: "Offices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangeReason",
                table: "OfficeFunctions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "OfficeFunctions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "OfficeFunctions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DerivedFrom",
                table: "OfficeFunctions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangeReason",
                table: "Mailboxes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Mailboxes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "Mailboxes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DerivedFrom",
                table: "Mailboxes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangeReason",
                table: "FocalPoints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "FocalPoints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "FocalPoints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DerivedFrom",
                table: "FocalPoints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangeReason",
                table: "Coverage",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Coverage",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "Coverage",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DerivedFrom",
                table: "Coverage",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangeReason",
                table: "Committees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Committees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "Committees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DerivedFrom",
                table: "Committees",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangeReason",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "DerivedFrom",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "ChangeReason",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "DerivedFrom",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "ChangeReason",
                table: "OfficeFunctions");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "OfficeFunctions");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "OfficeFunctions");

            migrationBuilder.DropColumn(
                name: "DerivedFrom",
                table: "OfficeFunctions");

            migrationBuilder.DropColumn(
                name: "ChangeReason",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "DerivedFrom",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "ChangeReason",
                table: "FocalPoints");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "FocalPoints");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "FocalPoints");

            migrationBuilder.DropColumn(
                name: "DerivedFrom",
                table: "FocalPoints");

            migrationBuilder.DropColumn(
                name: "ChangeReason",
                table: "Coverage");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Coverage");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "Coverage");

            migrationBuilder.DropColumn(
                name: "DerivedFrom",
                table: "Coverage");

            migrationBuilder.DropColumn(
                name: "ChangeReason",
                table: "Committees");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Committees");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "Committees");

            migrationBuilder.DropColumn(
                name: "DerivedFrom",
                table: "Committees");
        }
    }
}
