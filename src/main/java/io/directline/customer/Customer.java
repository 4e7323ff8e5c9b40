package io.directline.customer;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** An owner of one or more of the company's products. */
@Entity
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    private String name;
    private String nameKey;
    private String email;
    private String phone;

    @Enumerated(EnumType.STRING)
    private Channel preferredChannel;

    @Embedded
    private QuietHours quietHours;

    private String timeZone;

    @Embedded
    private Address address;

    private BigDecimal lifetimeValue = BigDecimal.ZERO;

    /** The largest lifetime value the column ({@code numeric(14, 2)}) holds. */
    static final String MAX_LIFETIME_VALUE = "999999999999.99";

    @Enumerated(EnumType.STRING)
    private Tier tier = Tier.STANDARD;

    private boolean verified = true;

    /** The owner this one was merged into; null while it stands on its own. */
    private Long mergedInto;

    private Instant createdAt;
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_social_handle", joinColumns = @JoinColumn(name = "customer_id"))
    @MapKeyColumn(name = "network")
    @Column(name = "handle")
    private Map<String, String> socialHandles = new LinkedHashMap<>();

    /** Per network, the stable id of the owner's account (an X user id); the handle is only its current name. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_social_account", joinColumns = @JoinColumn(name = "customer_id"))
    @MapKeyColumn(name = "network")
    @Column(name = "account_id")
    private Map<String, String> socialAccounts = new LinkedHashMap<>();

    @Version
    private long version;

    protected Customer() {}

    Customer(CustomerDetails details, Instant now) {
        this.createdAt = now;
        apply(details, now);
    }

    void apply(CustomerDetails details, Instant now) {
        this.name = details.name().strip();
        this.nameKey = name.toLowerCase(Locale.ROOT);
        this.email = normalizeEmail(details.email());
        this.phone = normalizePhone(details.phone());
        this.preferredChannel = details.preferredChannel() == null ? Channel.EMAIL : details.preferredChannel();
        this.quietHours = details.quietHours();
        this.timeZone = details.timeZone() == null
                ? "UTC"
                : ZoneId.of(details.timeZone()).getId();
        this.address = details.address();
        if (details.lifetimeValue() != null) {
            this.lifetimeValue = details.lifetimeValue();
        }
        if (details.tier() != null) {
            this.tier = details.tier();
        }
        this.socialHandles.clear();
        if (details.socialHandles() != null) {
            details.socialHandles().forEach((network, handle) -> {
                if (handle != null && !handle.isBlank()) {
                    socialHandles.put(network.toLowerCase(Locale.ROOT), handle.strip());
                }
            });
        }
        this.updatedAt = now;
    }

    static String normalizeEmail(String email) {
        String value = blankToNull(email);
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** A phone number as stored and looked up: the leading + and the digits, nothing else. */
    static String normalizePhone(String phone) {
        String value = blankToNull(phone);
        if (value == null) {
            return null;
        }
        var digits = new StringBuilder(value.startsWith("+") ? "+" : "");
        value.chars().filter(Character::isDigit).forEach(c -> digits.append((char) c));
        return digits.length() <= 1 ? value : digits.toString();
    }

    /** Records the network account this owner is, and shows it under its current handle. */
    void linkSocialAccount(String network, String accountId, String handle, Instant now) {
        socialAccounts.put(network, accountId);
        showSocialHandle(network, handle, now);
    }

    void showSocialHandle(String network, String handle, Instant now) {
        socialHandles.put(network, handle);
        this.updatedAt = now;
    }

    /** Another account has this owner's old handle now; the owner stays known by their account id. */
    void forgetSocialHandle(String network, Instant now) {
        socialHandles.remove(network);
        this.updatedAt = now;
    }

    void mergeInto(long survivor, Instant now) {
        this.mergedInto = survivor;
        this.updatedAt = now;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    void unmerge(Instant now) {
        this.mergedInto = null;
        this.updatedAt = now;
    }

    void markUnverified() {
        this.verified = false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public Channel getPreferredChannel() {
        return preferredChannel;
    }

    public QuietHours getQuietHours() {
        return quietHours;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Address getAddress() {
        return address;
    }

    public BigDecimal getLifetimeValue() {
        return lifetimeValue;
    }

    /** Never null. */
    public Tier getTier() {
        return tier;
    }

    public boolean isVerified() {
        return verified;
    }

    /** The owner this one was merged into (its cases, messages and handles followed); null for a standing owner. */
    public Long getMergedInto() {
        return mergedInto;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Map<String, String> getSocialHandles() {
        return Map.copyOf(socialHandles);
    }

    /** Per network, the stable id of the owner's account there, where it is known. */
    public Map<String, String> getSocialAccounts() {
        return Map.copyOf(socialAccounts);
    }

    /**
     * Where to reach the owner on a network: the account id when it is known (it survives a rename), else the
     * handle; null when the owner has neither.
     */
    public String socialAddress(String network) {
        var account = socialAccounts.get(network);
        return account != null ? account : socialHandles.get(network);
    }

    CustomerDetails details() {
        return new CustomerDetails(
                name,
                email,
                phone,
                preferredChannel,
                quietHours,
                timeZone,
                address,
                lifetimeValue,
                new LinkedHashMap<>(socialHandles),
                tier);
    }
}
