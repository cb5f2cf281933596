using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace IomDirectory.Server.Application;

/// <summary>
/// Runs every validator of the request; all failures at once, as one <see cref="ValidationException"/>. Validators
/// that finish synchronously (all of ours do) cost no async step here, and a valid request allocates no failure list.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    private readonly IValidator<TRequest>[] _validators = [.. validators];

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        List<ValidationFailure>? failures = null;
        for (var i = 0; i < _validators.Length; i++)
        {
            var validating = _validators[i].ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            if (!validating.IsCompletedSuccessfully)
                return HandleAsync(validating, i, failures, request, cancellationToken, next);
            Collect(validating.Result, ref failures);
        }
        return failures is null ? next() : throw new ValidationException(failures);
    }

    /// <summary>The rest of <see cref="Handle"/> once a validator went asynchronous (validator <paramref name="pending"/> is running).</summary>
    private async Task<TResponse> HandleAsync(Task<ValidationResult> validating, int pending, List<ValidationFailure>? failures,
        TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        Collect(await validating, ref failures);
        for (var i = pending + 1; i < _validators.Length; i++)
            Collect(await _validators[i].ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken), ref failures);
        return failures is null ? await next() : throw new ValidationException(failures);
    }

    private static void Collect(ValidationResult result, ref List<ValidationFailure>? failures)
    {
        if (result.Errors.Count > 0)
            (failures ??= []).AddRange(result.Errors);
    }
}
