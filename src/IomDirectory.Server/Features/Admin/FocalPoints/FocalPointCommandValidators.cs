using IomDirectory.Server.Features.Admin.Common;

namespace IomDirectory.Server.Features.Admin.FocalPoints;

public sealed class CreateFocalPointCommandValidator(AdminView admin) : CreateRecordValidator<CreateFocalPointCommand>(admin, c => c.Id,
    (c, view, mask, fail) => FocalPointRules.Check(c.FocalPoint, c.Id, view, mask, fail));

public sealed class UpdateFocalPointCommandValidator(AdminView admin) : UpdateRecordValidator<UpdateFocalPointCommand>(admin, "a focal point",
    c => c.Id, c => c.ExpectedVersion, c => c.Mask, FocalPointFields.Paths,
    (c, view, mask, fail) => FocalPointRules.Check(c.FocalPoint, c.Id, view, mask, fail));
