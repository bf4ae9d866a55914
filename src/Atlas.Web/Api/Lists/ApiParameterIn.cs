namespace Atlas.Web.Api.Lists;

/// <summary>Where an <see cref="ApiParameter"/> travels.</summary>
internal enum ApiParameterIn
{
    /// <summary>In the query string: the handler reads it from the query as a whole, so the document adds it.</summary>
    Query,

    /// <summary>In the path or a header: the handler binds it, the document gets its description from here.</summary>
    Bound,

    /// <summary>The request body: the document gets its description from here.</summary>
    Body,
}
