using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CalfCoach.Web.Pages;

/// <summary>
/// Answers 404 before a page is made (a resource filter runs before its model is built): for the account pages on a
/// server without sign-in, whose services are not registered there.
/// </summary>
internal sealed class NotFoundPageFilter : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context) => context.Result = new NotFoundResult();

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
