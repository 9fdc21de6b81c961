package shouwang.registry.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.ratelimit.RateLimited;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.registry.BodyLimits;
import shouwang.registry.RegistryConfig;
import shouwang.registry.TooLargeException;
import shouwang.registry.XlsxMedia;

/**
 * {@code POST /imports/cadres}, {@code /imports/orgs}, {@code /imports/contacts}: the file as the body (text/csv or the XLSX media type; octet-stream is sniffed) or a
 * multipart form with a {@code file} part; answers 202 with the job id at once. {@code ?id=} makes a retry safe.
 */
@Path("/imports")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
@Tag(name = "Imports")
public class ImportResource {

    public static final String XLSX = XlsxMedia.TYPE;

    @Inject
    ImportService service;

    @Inject
    CallerScope caller;

    @Inject
    RegistryConfig config;

    @Inject
    ImportChunks cadres;

    @Inject
    OrgImport orgs;

    @Inject
    ContactImport contacts;

    @POST
    @Path("/cadres")
    @Consumes({ "text/csv", "text/plain", XLSX, "application/vnd.ms-excel", MediaType.APPLICATION_OCTET_STREAM })
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    @Operation(operationId = "importCadres", summary = "导入干部表格 / Import cadres",
            description = "上传干部 CSV 或 XLSX (请求体或 multipart 的 file)，202 后按 id 查询进度和行错误。 / Uploads a CSV or XLSX of cadres "
                    + "(as the body, or multipart field file): 202, then poll the import by its id for progress and "
                    + "row errors.")
    @APIResponse(responseCode = "202", description = "已开始导入 / Import started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportStarted.class)))
    public Response upload(
            InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @Parameter(description = "导入编号 (UUID)，可由客户端指定以便重试 / Import id (UUID); a client-chosen one makes a retry safe", schema = @Schema(format = "uuid"))
            @QueryParam("id") String id) throws IOException {
        return uploaded(cadres, body, contentType, id);
    }

    @POST
    @Path("/cadres")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    // the multipart variant is the same operation (one path and method): its @Operation is the body variant's
    @APIResponse(responseCode = "202", description = "已开始导入 / Import started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportStarted.class)))
    public Response uploadForm(
            @RestForm("file") FileUpload upload,
            @Parameter(description = "导入编号 (UUID)，可由客户端指定以便重试 / Import id (UUID); a client-chosen one makes a retry safe", schema = @Schema(format = "uuid"))
            @QueryParam("id") String id) throws IOException {
        return uploaded(cadres, upload, id);
    }

    /** Org records (units, streets, communities, grids): the district bureau only. */
    @POST
    @Path("/orgs")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Consumes({ "text/csv", "text/plain", XLSX, "application/vnd.ms-excel", MediaType.APPLICATION_OCTET_STREAM })
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    @Operation(operationId = "importOrgs", summary = "导入组织表格 / Import org records",
            description = "上传单位、街道、社区、网格的表格，仅区局 (城市部署中为市级)。 / Uploads a spreadsheet of units, streets, communities and "
                    + "grids: the district bureau only (in a city, the city).")
    @APIResponse(responseCode = "202", description = "已开始导入 / Import started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportStarted.class)))
    public Response uploadOrgs(
            InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @Parameter(description = "导入编号 (UUID)，可由客户端指定以便重试 / Import id (UUID); a client-chosen one makes a retry safe", schema = @Schema(format = "uuid"))
            @QueryParam("id") String id) throws IOException {
        return uploaded(orgs, body, contentType, id);
    }

    @POST
    @Path("/orgs")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    // the multipart variant is the same operation (one path and method): its @Operation is the body variant's
    @APIResponse(responseCode = "202", description = "已开始导入 / Import started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportStarted.class)))
    public Response uploadOrgsForm(
            @RestForm("file") FileUpload upload,
            @Parameter(description = "导入编号 (UUID)，可由客户端指定以便重试 / Import id (UUID); a client-chosen one makes a retry safe", schema = @Schema(format = "uuid"))
            @QueryParam("id") String id) throws IOException {
        return uploaded(orgs, upload, id);
    }

    /** Responsible contacts (包保联系人) by the cadre's ID number and layer; a community worker within its scope. */
    @POST
    @Path("/contacts")
    @Consumes({ "text/csv", "text/plain", XLSX, "application/vnd.ms-excel", MediaType.APPLICATION_OCTET_STREAM })
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    @Operation(operationId = "importContacts", summary = "导入联系人表格 / Import contacts",
            description = "上传干部联系责任人的表格。 / Uploads a spreadsheet of the cadres' responsible contacts.")
    @APIResponse(responseCode = "202", description = "已开始导入 / Import started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportStarted.class)))
    public Response uploadContacts(
            InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @Parameter(description = "导入编号 (UUID)，可由客户端指定以便重试 / Import id (UUID); a client-chosen one makes a retry safe", schema = @Schema(format = "uuid"))
            @QueryParam("id") String id) throws IOException {
        return uploaded(contacts, body, contentType, id);
    }

    @POST
    @Path("/contacts")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    // the multipart variant is the same operation (one path and method): its @Operation is the body variant's
    @APIResponse(responseCode = "202", description = "已开始导入 / Import started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportStarted.class)))
    public Response uploadContactsForm(
            @RestForm("file") FileUpload upload,
            @Parameter(description = "导入编号 (UUID)，可由客户端指定以便重试 / Import id (UUID); a client-chosen one makes a retry safe", schema = @Schema(format = "uuid"))
            @QueryParam("id") String id) throws IOException {
        return uploaded(contacts, upload, id);
    }

    private Response uploaded(RowImport kind, InputStream body, String contentType, String id) throws IOException {
        java.nio.file.Path file = Files.createTempFile("import-", ".upload");
        copyWithin(body, file, config.imports().maxFileSize().asLongValue());
        String format = contentType != null && contentType.toLowerCase().startsWith("text/") ? Spreadsheet.CSV
                : contentType != null && contentType.toLowerCase().startsWith(XLSX) ? Spreadsheet.XLSX
                        : Spreadsheet.sniff(file);
        return started(kind, QueryParams.uuid("id", id), file, format);
    }

    private Response uploaded(RowImport kind, FileUpload upload, String id) throws IOException {
        if (upload == null) {
            throw InvalidFieldsException.of("file", "is required (a multipart part named file)");
        }
        long limit = config.imports().maxFileSize().asLongValue();
        if (upload.size() > limit) {
            throw new TooLargeException("file", "may be at most " + BodyLimits.megabytes(limit));
        }
        java.nio.file.Path file = Files.createTempFile("import-", ".upload");
        Files.copy(upload.uploadedFile(), file, StandardCopyOption.REPLACE_EXISTING);
        String name = upload.fileName() == null ? "" : upload.fileName().toLowerCase();
        String format = name.endsWith(".xlsx") ? Spreadsheet.XLSX : name.endsWith(".csv") ? Spreadsheet.CSV
                : Spreadsheet.sniff(file);
        return started(kind, QueryParams.uuid("id", id), file, format);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getImport", summary = "导入进度 / Import progress",
            description = "导入的进度、计数和行错误；只能查看自己发起的导入。 / An import's progress, counts and row errors; the caller's own "
                    + "imports only.")
    public ImportStatus status(
            @Parameter(description = "导入编号 (UUID)，可由客户端指定以便重试 / Import id (UUID); a client-chosen one makes a retry safe", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        UUID jobId = QueryParams.uuid("id", id);
        // a district-scoped admin reads its own jobs only, as other callers do: another district's errors name its rows
        return service.status(jobId, caller.username(), caller.scope().districtWide());
    }

    /**
     * The body into {@code file}, at most {@code limit} bytes: a body sent without a length (chunked) is counted here,
     * and past the limit read to its end and dropped, so the client reads the 413 rather than a reset connection.
     */
    private static void copyWithin(InputStream body, java.nio.file.Path file, long limit) throws IOException {
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) >= 0;) {
                copied += n;
                if (copied > limit) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        }
        if (copied > limit) {
            Files.deleteIfExists(file);
            BodyLimits.drain(body);
            throw new TooLargeException("body", "a file may be at most " + BodyLimits.megabytes(limit));
        }
    }

    private Response started(RowImport kind, UUID requestedId, java.nio.file.Path file, String format)
            throws IOException {
        if (kind == orgs && !caller.scope().districtWide()) {
            // an org file may touch any district: in a city it is the city's (a district admin uses the REST calls)
            Files.deleteIfExists(file);
            throw new ForbiddenException("In a city deployment the city (city-admin) imports org files");
        }
        UUID id = service.start(kind, requestedId, file, format, caller.caller());
        return Response.accepted(new ImportStarted(id, ImportJob.RUNNING)).build();
    }
}
