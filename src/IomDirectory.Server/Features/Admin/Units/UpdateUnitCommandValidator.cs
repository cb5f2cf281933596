using IomDirectory.Server.Features.Admin.Common;

namespace IomDirectory.Server.Features.Admin.Units;

public sealed class UpdateUnitCommandValidator(AdminView admin) : UpdateRecordValidator<UpdateUnitCommand>(admin, "a unit",
    c => c.Id, c => c.ExpectedVersion, c => c.Mask, UnitFields.Paths,
    (c, view, mask, fail) => UnitRules.Check(c.Unit, c.Id, view, mask, fail));
