using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace IomDirectory.Server.Application;

/// <summary>
/// Runs every validator of the request; all failures at once, as one <see cref="ValidationException"/>, up to
/// <see cref="MaxFailures"/> of them (a request with more is told so in a last failure). Validators that finish
/// synchronously (all of ours do) cost no async step here, and a valid request allocates no failure list.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    /// <summary>The most field errors one answer reports; validators cap their lists so as not to produce many more.</summary>
    public const int MaxFailures = 50;

    private static readonly ValidationFailure Truncated = new("", $"more problems were found; only the first {MaxFailures} are reported");
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
        if (result.Errors.Count == 0) return;
        failures ??= [];
        if (failures.Count >= MaxFailures)
        {
            if (failures.Count == MaxFailures) failures.Add(Truncated);
            return;
        }
        var room = MaxFailures - failures.Count;
        failures.AddRange(result.Errors.Take(room));
        if (result.Errors.Count > room)
            failures.Add(Truncated);
    }
}
