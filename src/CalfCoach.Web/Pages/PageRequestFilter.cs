using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CalfCoach.Web.Pages;

/// <summary>
/// A page asked to do something it has no handler for (a POST to the dashboard, <c>?handler=nonsense</c>, a form posted
/// as JSON) answers with a problem, never by rendering a page whose model was never filled in (a 500).
/// </summary>
internal sealed class PageRequestFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var safe = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        var named = context.RouteData.Values.ContainsKey("handler") || request.Query.ContainsKey("handler");
        if (context.HandlerMethod is null && (!safe || named))
        {
            context.Result = new ProblemActionResult(named
                ? Problems.Missing("handler", "this page has no such form; reload the page and use its own buttons.")
                : Problems.MethodNotAllowed(request.Method, "this page is only read (GET), it has no form to send"));
            return;
        }

        // Page forms are forms: a JSON or text body to a form handler has nothing the handler can read. (A handler that
        // reads JSON itself, like the import page's summary, says so with [JsonBodyHandler].)
        if (!safe && !request.HasFormContentType && context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(JsonBodyHandlerAttribute), false).Length == 0)
        {
            context.Result = new ProblemActionResult(Problems.WrongMediaType(request.ContentType, "application/x-www-form-urlencoded or multipart/form-data (the page's own form)"));
            return;
        }

        await next();
    }

    /// <summary>A problem response where a page handler's result is expected.</summary>
    private sealed class ProblemActionResult(ProblemHttpResult problem) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => problem.ExecuteAsync(context.HttpContext);
    }
}

/// <summary>Marks a page handler that reads a JSON body itself, so <see cref="PageRequestFilter"/> lets it through.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class JsonBodyHandlerAttribute : Attribute;
