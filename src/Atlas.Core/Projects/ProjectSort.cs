namespace Atlas.Core.Projects;

public enum ProjectSort { Relevance, Title, StartYear, Updated }
