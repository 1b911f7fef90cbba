package org.kimberlite.platform.web;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;

/**
 * The OpenAPI 3.1 description of {@code /api/v1}, generated from the controllers by springdoc and
 * completed here with what annotations cannot say once for all: the RFC 9457 problem schema and the
 * refusals every operation may answer, which operations are public and which need the bearer token,
 * and the rules whose IDs appear in problems (each explained at {@code /problems/{id}}). Served at
 * {@code /v3/api-docs} with the interactive page at {@code /swagger-ui.html}; both public.
 */
@Configuration
class ApiDocumentation {
  static final String BEARER = "bearer";
  static final String PROBLEM = "Problem";
  static final String PROBLEM_JSON = "application/problem+json";

  @Bean
  static PublicPaths apiDocumentationPublicPaths() {
    return PublicPaths.of(
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/v3/api-docs.yaml",
        "/swagger-ui.html",
        "/swagger-ui/**");
  }

  @Bean
  OpenAPI kimberliteOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Kimberlite API")
                .version("v1")
                .license(new License().name("See the project's licence file"))
                .description(
                    """
                    KP certificates, the participants' registry, KP statistics and the public \
                    transparency log.

                    **Authentication.** Public operations (marked without a lock) need nothing. \
                    The others take `Authorization: Bearer <token>`: get a token from \
                    `POST /api/v1/auth/token` with a username and password (it is shown once; \
                    revoke it with `DELETE /api/v1/auth/tokens/{id}`). The web pages use a \
                    session from the sign-in form instead; the API does not read sessions.

                    **Errors** are RFC 9457 `application/problem+json` (schema `Problem`): \
                    `type` is `/problems/{id}`, which explains it; a refusal under the rules \
                    lists their IDs in `rules` and the fields at fault in `errors`. An answer \
                    about something the caller may not see is a 404 that says nothing more.

                    **Request ids.** Send `X-Request-Id` (printable ASCII, up to 64 \
                    characters) or get a fresh one; it is echoed in every answer and in the \
                    server's logs.
                    """))
        .externalDocs(
            new ExternalDocumentation().description("Every rule and problem type").url("/problems"))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API token from POST /api/v1/auth/token.")));
  }

  /**
   * Completes every operation: its security (none on the paths the modules declare public), and the
   * problem answers it may give. Runs after springdoc has read the controllers.
   */
  @Bean
  OpenApiCustomizer problemsAndSecurity(List<PublicPaths> open, RuleDocs rules) {
    String ruleLinks =
        rules.ids().stream()
            .filter(id -> id.matches("[A-Z]+-[0-9]+"))
            .map(id -> "[" + id + "](/problems/" + id + ")")
            .collect(Collectors.joining(", "));
    AntPathMatcher matcher = new AntPathMatcher();
    List<String> getPatterns = open.stream().flatMap(p -> p.patterns().stream()).toList();
    List<String> postPatterns = open.stream().flatMap(p -> p.openPosts().stream()).toList();
    return api -> {
      // Added here, not in the OpenAPI bean: springdoc rebuilds the schemas it finds itself.
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      api.getComponents()
          .addSchemas(PROBLEM, problemSchema(ruleLinks))
          .addSchemas("FieldError", schema(FIELD_ERROR));
      if (api.getPaths() == null) {
        return;
      }
      api.getPaths()
          .forEach(
              (path, item) -> {
                String sample = path.replaceAll("\\{[^}]+}", "x");
                for (Map.Entry<PathItem.HttpMethod, Operation> e :
                    item.readOperationsMap().entrySet()) {
                  PathItem.HttpMethod method = e.getKey();
                  boolean isPublic =
                      switch (method) {
                        case GET, HEAD ->
                            getPatterns.stream().anyMatch(p -> matcher.match(p, sample));
                        case POST ->
                            path.equals("/api/v1/auth/token")
                                || postPatterns.stream().anyMatch(p -> matcher.match(p, sample));
                        default -> false;
                      };
                  complete(e.getValue(), method, path, isPublic);
                }
              });
    };
  }

  private static void complete(
      Operation op, PathItem.HttpMethod method, String path, boolean isPublic) {
    op.setSecurity(isPublic ? List.of() : List.of(new SecurityRequirement().addList(BEARER)));
    ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
    Map<String, String> refusals = new LinkedHashMap<>();
    refusals.put(
        "400", "The request could not be read (malformed JSON, a parameter of the wrong type).");
    if (!isPublic || path.equals("/api/v1/auth/token")) {
      refusals.put(
          "401", "No valid bearer token (or, for a token, unknown username or wrong password).");
    }
    if (!isPublic) {
      refusals.put("403", "The caller's organisation may not do this.");
    }
    refusals.put("404", "Nothing of that name that the caller may see.");
    refusals.put("405", "The path exists but not with this method.");
    refusals.put("406", "The Accept header asks for a type this operation does not produce.");
    boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
    if (writes) {
      refusals.put("409", "A conflicting state (already done, changed meanwhile).");
      refusals.put("413", "The request body is too large.");
      refusals.put("415", "The request body is not of a type this operation reads.");
    }
    refusals.put(
        "422", "Refused: the rules broken are in `rules`, the fields at fault in `errors`.");
    if (path.equals("/api/v1/auth/token")) {
      refusals.put("429", "Too many failed sign-ins: wait for Retry-After seconds.");
    }
    refusals.put("500", "An error of the server; nothing was changed.");
    refusals.put("503", "The server is busy or shutting down; try again.");
    for (Map.Entry<String, String> r : refusals.entrySet()) {
      if (!responses.containsKey(r.getKey())) {
        responses.addApiResponse(r.getKey(), problem(r.getValue(), r.getKey()));
      } else {
        ApiResponse given = responses.get(r.getKey());
        if (given.getContent() == null || given.getContent().isEmpty()) {
          given.setContent(problemContent(r.getKey()));
        }
      }
    }
    op.setResponses(responses);
  }

  private static ApiResponse problem(String description, String status) {
    return new ApiResponse().description(description).content(problemContent(status));
  }

  private static Content problemContent(String status) {
    MediaType media =
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
    if (status.equals("422")) {
      media.addExamples(
          "rule",
          new Example()
              .summary("A certificate refused under KP-03")
              .value(
                  Map.of(
                      "type", "/problems/KP-03",
                      "title", "The certificate breaks KP rules",
                      "status", 422,
                      "detail", "KP-03 lines[0].carats: must be positive",
                      "instance", "/api/v1/certificates",
                      "rules", List.of("KP-03"),
                      "errors",
                          List.of(
                              Map.of("field", "lines[0].carats", "message", "must be positive")))));
    }
    // Some refusals are written by the servlet container before content negotiation: also JSON.
    return new Content().addMediaType(PROBLEM_JSON, media);
  }

  private static final String FIELD_ERROR =
      """
      {"type": "object", "required": ["field", "message"],
       "description": "One input field that was refused, with the reason.",
       "properties": {
         "field": {"type": "string", "description": "The field's path in the request, e.g. lines[0].carats"},
         "message": {"type": "string"}}}
      """;

  private static Schema<?> problemSchema(String ruleLinks) {
    String json =
        """
        {"type": "object", "required": ["type", "title", "status"],
         "description": "RFC 9457 problem details. Extension members may be added; clients ignore what they do not know.",
         "properties": {
           "type": {"type": "string", "format": "uri-reference",
                    "description": "/problems/{id}: the page explaining this problem type or rule.",
                    "examples": ["/problems/validation", "/problems/KP-03"]},
           "title": {"type": "string", "description": "Short summary of the problem type."},
           "status": {"type": "integer", "minimum": 400, "maximum": 599},
           "detail": {"type": "string", "description": "What went wrong in this request, in words a user can act on."},
           "instance": {"type": "string", "description": "The request path."},
           "rules": {"type": "array", "description": "RULES",
                     "items": {"type": "string", "pattern": "^[A-Za-z0-9/_-]{1,60}$"}},
           "errors": {"type": "array", "items": {"$ref": "#/components/schemas/FieldError"}}}}
        """
            .replace(
                "RULES", "IDs of the rules broken; /problems/{id} explains each: " + ruleLinks);
    return schema(json);
  }

  private static Schema<?> schema(String json) {
    try {
      return Json31.mapper().readValue(json, Schema.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A schema of the API description does not parse", e);
    }
  }
}
