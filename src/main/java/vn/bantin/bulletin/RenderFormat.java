package vn.bantin.bulletin;

/**
 * A document format a bulletin is rendered to, and the template that writes it. The
 * {@link #ARTICLE} has no template of its own: each publisher names its article's template
 * ({@link PublisherSettings#articleTemplate()}).
 */
public enum RenderFormat {
  MD("md", "bulletin.md.ftl"),
  HTML("html", "bulletin.html.ftl"),
  /** The month as the publisher writes it in its own article, in its own Vietnamese sentences. */
  ARTICLE("article", null);

  private final String id;
  private final String template;

  RenderFormat(String id, String template) {
    this.id = id;
    this.template = template;
  }

  /** The name used on the command line and as the file extension. */
  public String id() {
    return id;
  }

  /** The template under {@code src/main/resources/templates/}; null for {@link #ARTICLE}. */
  String template() {
    return template;
  }

  /** The format named {@code id} ({@code md}, {@code html}, {@code article}); fails listing the valid names. */
  public static RenderFormat parse(String id) {
    return EnumIds.parse(RenderFormat.class, RenderFormat::id, "format", id);
  }
}
