using IomDirectory.Server.Features.Admin.Common;

namespace IomDirectory.Server.Features.Admin.Units;

public sealed class CreateUnitCommandValidator(AdminView admin) : CreateRecordValidator<CreateUnitCommand>(admin, c => c.Id,
    (c, view, mask, fail) =>
    {
        if (c.Unit.ParentId.Length > 0 && !view.Units.ContainsKey(c.Unit.ParentId))
            fail("unit.parent_unit_id", $"parent unit '{c.Unit.ParentId}' does not exist at the effective date");
        UnitRules.Check(c.Unit, c.Id, view, mask, fail);
    });
