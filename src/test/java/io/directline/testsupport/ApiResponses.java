package io.directline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** What API tests read in every response: refusals as problem documents, and fields of JSON arrays. */
public final class ApiResponses {

    private ApiResponses() {}

    /** A refusal as RFC 9457 problem details: the status, the media type and a sentence for a person. */
    public static JsonNode assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        var problem = response.json();
        assertThat(problem.path("status").asInt()).as("status in %s", response).isEqualTo(status);
        assertThat(problem.path("title").asString(""))
                .as("title in %s", response)
                .isNotBlank();
        assertThat(problem.path("detail").asString(""))
                .as("detail in %s", response)
                .isNotBlank()
                .endsWith(".");
        return problem;
    }

    /** The values of one field of each element of a JSON array. */
    public static List<String> each(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.path(field).asString())
                .toList();
    }
}
