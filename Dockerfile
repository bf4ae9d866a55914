# The portal, built and run in containers; docker-compose.yml pairs it with PostgreSQL.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Atlas.sln ./
COPY src/Atlas.Core/Atlas.Core.csproj src/Atlas.Core/
COPY src/Atlas.Web/Atlas.Web.csproj src/Atlas.Web/
RUN dotnet restore src/Atlas.Web/Atlas.Web.csproj
COPY src/ src/
RUN dotnet publish src/Atlas.Web/Atlas.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
# The key ring's certificate folder, owned by the app's user so that a volume mounted there is too.
RUN mkdir -p /var/lib/atlas/keys && chown app:app /var/lib/atlas/keys && chmod 0700 /var/lib/atlas/keys
USER app
ENTRYPOINT ["dotnet", "Atlas.Web.dll"]
