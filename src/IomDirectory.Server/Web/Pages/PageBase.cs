using Microsoft.AspNetCore.Components;

namespace IomDirectory.Server.Web.Pages;

/// <summary>What every page component is given by <see cref="WebPages"/>: the request's context, the stylesheet and its model.</summary>
public abstract class PageBase<TModel> : ComponentBase
{
    [Parameter, EditorRequired] public WebContext Web { get; set; } = null!;
    [Parameter, EditorRequired] public WebAssets Styles { get; set; } = null!;
    [Parameter, EditorRequired] public TModel Model { get; set; } = default!;
}
