package io.connect8x8.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class OperationIndexTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsEachOperationWithItsReferencedParametersTheirConstraintsFormFieldsAndRedirects() throws IOException {
        String document = """
                {"paths": {
                  "/files/{name}": {
                    "parameters": [{"$ref": "#/components/parameters/Name"}],
                    "get": {"operationId": "download", "summary": "Download",
                            "parameters": [{"name": "token", "in": "query", "required": true,
                                            "schema": {"type": ["string", "null"], "pattern": "^t",
                                                       "maxLength": 8, "format": "uuid"}}],
                            "responses": {"302": {}}},
                    "post": {"operationId": "upload",
                             "requestBody": {"required": true, "content": {"multipart/form-data": {"schema":
                               {"$ref": "#/components/schemas/Upload"}}}},
                             "responses": {"200": {}}}},
                  "/plain": {"delete": {"responses": {}}}},
                 "components": {
                   "parameters": {"Name": {"name": "name", "in": "path", "schema": {"type": "string"},
                                           "description": "The file's name. Any name."}},
                   "schemas": {"Upload": {"required": ["file"], "properties": {
                     "file": {"type": "string", "format": "binary"}, "note": {"type": "integer", "minimum": 1}}}}}}
                """;
        assertEquals(JSON.readTree("""
                [{"operationId": "download", "method": "GET", "path": "/files/{name}", "parameters": [
                   {"name": "name", "in": "path", "required": true, "type": "string", "description": "The file's name."},
                   {"name": "token", "in": "query", "required": true, "type": "string", "description": "",
                    "constraints": {"pattern": "^t", "maxLength": 8}}],
                  "bodyRequired": false, "summary": "Download", "redirects": true},
                 {"operationId": "upload", "method": "POST", "path": "/files/{name}", "parameters": [
                   {"name": "name", "in": "path", "required": true, "type": "string", "description": "The file's name."},
                   {"name": "file", "in": "form", "required": true, "type": "file", "description": ""},
                   {"name": "note", "in": "form", "required": false, "type": "integer", "description": "",
                    "constraints": {"minimum": 1}}],
                  "bodyContentType": "multipart/form-data", "bodyRequired": true, "summary": "", "redirects": false}]
                """), OperationIndex.of(JSON.readTree(document)));
    }
}
