namespace Atlas.Core.Authorities;

// Stored as kebab-case codes (see EnumCode), so its names are also the public codes of the API.
public enum AuthorityKind
{
    Commune, Departement, Region, CommunauteUrbaine, CommunauteAgglomeration, Metropole,
    CommuneUrbaine, CommuneRurale, Province, Prefecture, ConseilRegional, Gouvernorat,
    UnionMunicipalites, Cercle, Wilaya, Land, Other,
}
