namespace Atlas.Web.Api.Authorities;

/// <summary>An authority whose name resembles what was typed.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Official name, accents kept.</param>
/// <param name="Country">Its country.</param>
/// <param name="Similarity">How closely a word of the name resembles the text, from 0 to 1 (1: the same).</param>
/// <param name="ApiUrl">Its whole record in this API.</param>
public sealed record AuthoritySuggestionDto(int Id, string Name, CodeName Country, double Similarity, string ApiUrl);
