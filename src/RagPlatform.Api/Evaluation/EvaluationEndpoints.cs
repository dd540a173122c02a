using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using RagPlatform.Api.Errors;
using RagPlatform.Api.Http;
using RagPlatform.Api.Rag;

namespace RagPlatform.Api.Evaluation;

/// <summary>POST /api/eval/runs starts an evaluation in the background; GET /api/eval/runs/{id} follows it.</summary>
internal static class EvaluationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/eval/runs");
        runs.MapPost("/", StartAsync)
            .WithName("StartEvaluationRun")
            .WithSummary("Queues an evaluation of the platform on a QA dataset; answers at once with the run's id.")
            .DocumentJsonBody<StartEvaluationRequestDto>()
            .Produces<EvaluationRunStatusDto>(StatusCodes.Status202Accepted, "application/json")
            .ProducesRagProblems();

        runs.MapGet("/{id}", Get)
            .WithName("GetEvaluationRun")
            .WithSummary("Status and progress of an evaluation run, with its metrics once completed.")
            .Produces<EvaluationRunStatusDto>(StatusCodes.Status200OK, "application/json")
            .ProducesRagProblems();
    }

    private static async Task<IResult> StartAsync(HttpContext context, [FromServices] EvaluationQueue queue, [FromServices] EvaluationDatasets datasets)
    {
        var body = await JsonRequestBody.ReadAsync(context.Request, EvaluationJsonContext.Default.StartEvaluationRequestDto, context.RequestAborted).ConfigureAwait(false);
        AskEndpoints.ValidateTopK(body.TopK);
        var job = queue.Enqueue(new EvaluationJobRequest(datasets.Resolve(body.Dataset), body.TopK, body.Description, body.PromptComponents));
        context.Response.Headers.Location = $"{context.Request.PathBase}/api/eval/runs/{job.Id}";
        return TypedResults.Json(
            EvaluationRunStatusDto.From(job, datasets.Root!),
            EvaluationJsonContext.Default.EvaluationRunStatusDto,
            statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Get(string id, [FromServices] EvaluationQueue queue, [FromServices] EvaluationDatasets datasets) =>
        queue.Find(id) is { } job
            ? TypedResults.Json(EvaluationRunStatusDto.From(job, datasets.Root!), EvaluationJsonContext.Default.EvaluationRunStatusDto)
            : throw new ApiErrorException(ApiError.NotFound($"No evaluation run has id '{id}'; runs are kept until the server restarts.", "id", "evaluation_run_not_found"));
}
