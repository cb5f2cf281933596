using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IomDirectory.Server.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Committees",
                columns: table => new
                {
                    RowId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Acronym = table.Column<string>(type: "TEXT", nullable: true),
                    Composition_En = table.Column<string>(type: "TEXT", nullable: false),
                    Composition_Es = table.Column<string>(type: "TEXT", nullable: false),
                    Composition_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Description_En = table.Column<string>(type: "TEXT", nullable: false),
                    Description_Es = table.Column<string>(type: "TEXT", nullable: false),
                    Description_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", nullable: false),
                    Name_Es = table.Column<string>(type: "TEXT", nullable: false),
                    Name_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Committees", x => x.RowId);
                });

            migrationBuilder.CreateTable(
                name: "Countries",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", nullable: false),
                    Name_Es = table.Column<string>(type: "TEXT", nullable: false),
                    Name_Fr = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Countries", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Coverage",
                columns: table => new
                {
                    RowId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Country = table.Column<string>(type: "TEXT", nullable: false),
                    RegionalOfficeId = table.Column<string>(type: "TEXT", nullable: false),
                    SubRegionalOfficeId = table.Column<string>(type: "TEXT", nullable: true),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Coverage", x => x.RowId);
                });

            migrationBuilder.CreateTable(
                name: "FocalPoints",
                columns: table => new
                {
                    RowId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<string>(type: "TEXT", nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", nullable: false),
                    Person = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    Description_En = table.Column<string>(type: "TEXT", nullable: false),
                    Description_Es = table.Column<string>(type: "TEXT", nullable: false),
                    Description_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    RoleTitle_En = table.Column<string>(type: "TEXT", nullable: false),
                    RoleTitle_Es = table.Column<string>(type: "TEXT", nullable: false),
                    RoleTitle_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FocalPoints", x => x.RowId);
                });

            migrationBuilder.CreateTable(
                name: "Mailboxes",
                columns: table => new
                {
                    RowId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Address = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                    Purpose_En = table.Column<string>(type: "TEXT", nullable: false),
                    Purpose_Es = table.Column<string>(type: "TEXT", nullable: false),
                    Purpose_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mailboxes", x => x.RowId);
                });

            migrationBuilder.CreateTable(
                name: "Meta",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meta", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "OfficeFunctions",
                columns: table => new
                {
                    RowId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Description_En = table.Column<string>(type: "TEXT", nullable: false),
                    Description_Es = table.Column<string>(type: "TEXT", nullable: false),
                    Description_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Subregion_En = table.Column<string>(type: "TEXT", nullable: false),
                    Subregion_Es = table.Column<string>(type: "TEXT", nullable: false),
                    Subregion_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeFunctions", x => x.RowId);
                });

            migrationBuilder.CreateTable(
                name: "Offices",
                columns: table => new
                {
                    RowId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", nullable: false),
                    ParentId = table.Column<string>(type: "TEXT", nullable: true),
                    Responsibilities = table.Column<string>(type: "TEXT", nullable: false),
                    City_En = table.Column<string>(type: "TEXT", nullable: false),
                    City_Es = table.Column<string>(type: "TEXT", nullable: false),
                    City_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Description_En = table.Column<string>(type: "TEXT", nullable: false),
                    Description_Es = table.Column<string>(type: "TEXT", nullable: false),
                    Description_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", nullable: false),
                    Name_Es = table.Column<string>(type: "TEXT", nullable: false),
                    Name_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offices", x => x.RowId);
                });

            migrationBuilder.CreateTable(
                name: "Sources",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", nullable: false),
                    Date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DateBasis = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    RowId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Acronym = table.Column<string>(type: "TEXT", nullable: true),
                    ParentId = table.Column<string>(type: "TEXT", nullable: true),
                    OfficeId = table.Column<string>(type: "TEXT", nullable: false),
                    Responsibilities = table.Column<string>(type: "TEXT", nullable: false),
                    Description_En = table.Column<string>(type: "TEXT", nullable: false),
                    Description_Es = table.Column<string>(type: "TEXT", nullable: false),
                    Description_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", nullable: false),
                    Name_Es = table.Column<string>(type: "TEXT", nullable: false),
                    Name_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.RowId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Committees_Id_ValidFrom",
                table: "Committees",
                columns: new[] { "Id", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Coverage_Country",
                table: "Coverage",
                column: "Country");

            migrationBuilder.CreateIndex(
                name: "IX_Coverage_Id_ValidFrom",
                table: "Coverage",
                columns: new[] { "Id", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FocalPoints_Id_ValidFrom",
                table: "FocalPoints",
                columns: new[] { "Id", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_Id_ValidFrom",
                table: "Mailboxes",
                columns: new[] { "Id", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_OwnerId",
                table: "Mailboxes",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeFunctions_Id_ValidFrom",
                table: "OfficeFunctions",
                columns: new[] { "Id", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OfficeFunctions_OfficeId",
                table: "OfficeFunctions",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_Offices_Country",
                table: "Offices",
                column: "Country");

            migrationBuilder.CreateIndex(
                name: "IX_Offices_Id_ValidFrom",
                table: "Offices",
                columns: new[] { "Id", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Offices_ParentId",
                table: "Offices",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Units_Id_ValidFrom",
                table: "Units",
                columns: new[] { "Id", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_ParentId",
                table: "Units",
                column: "ParentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Committees");

            migrationBuilder.DropTable(
                name: "Countries");

            migrationBuilder.DropTable(
                name: "Coverage");

            migrationBuilder.DropTable(
                name: "FocalPoints");

            migrationBuilder.DropTable(
                name: "Mailboxes");

            migrationBuilder.DropTable(
                name: "Meta");

            migrationBuilder.DropTable(
                name: "OfficeFunctions");

            migrationBuilder.DropTable(
                name: "Offices");

            migrationBuilder.DropTable(
                name: "Sources");

            migrationBuilder.DropTable(
                name: "Units");
        }
    }
}
