// Generated from /api/rencontres/openapi.json by
// `python -m example_site.demo.headless_types`: do not edit.

/**
 * @typedef {Object} AutocompleteOut
 * @property {SuggestionOut[]} results
 */

/**
 * @typedef {Object} AutocompleteQuery
 * @property {string} q
 * @property {(string|null)} [locale]
 * @property {number} [limit]
 */

/**
 * @typedef {Object} ByPathQuery
 * @property {string} path
 */

/**
 * @typedef {Object} ChoiceOut
 * @property {string} value
 * @property {string} label
 */

/**
 * @typedef {Object} ConsentOut
 * @property {string} text
 * @property {string} version
 */

/**
 * @typedef {Object} CountsOut
 * @property {number} event
 * @property {number} cycle
 * @property {number} speaker
 */

/**
 * @typedef {Object} Cycle
 * @property {number} id
 * @property {string} title
 * @property {string} subtitle
 * @property {(string|null)} url
 * @property {string} locale
 * @property {string} description
 * @property {(Image|null)} image
 * @property {Term[]} themes
 * @property {Term[]} audiences
 * @property {Partner[]} partners
 * @property {string} funding_statement
 * @property {StreamItem[]} documents
 */

/**
 * @typedef {Object} CycleDetail
 * @property {number} id
 * @property {string} title
 * @property {string} subtitle
 * @property {(string|null)} url
 * @property {string} locale
 * @property {string} description
 * @property {(Image|null)} image
 * @property {Term[]} themes
 * @property {Term[]} audiences
 * @property {Partner[]} partners
 * @property {string} funding_statement
 * @property {StreamItem[]} documents
 * @property {CycleSession[]} sessions
 * @property {Registration} registration
 */

/**
 * @typedef {Object} CycleLink
 * @property {number} id
 * @property {string} title
 * @property {(string|null)} url
 */

/**
 * @typedef {Object} CycleList
 * @property {number} count
 * @property {boolean} [count_is_exact]
 * @property {(string|null)} next
 * @property {(string|null)} previous
 * @property {Cycle[]} results
 */

/**
 * @typedef {Object} CycleRegistrationFormOut
 * @property {RegistrationStateOut} state
 * @property {FormFieldOut[]} fields
 * @property {WorkshopOut[]} workshops
 * @property {ConsentOut} consent
 * @property {string} honeypot
 * @property {number} cycle_id
 */

/**
 * @typedef {Object} CycleRegistrationOut
 * @property {string} status
 * @property {string} status_label
 * @property {string} message
 * @property {number} cycle_id
 */

/**
 * @typedef {Object} CycleSession
 * @property {number} id
 * @property {string} uuid
 * @property {string} title
 * @property {string} subtitle
 * @property {(string|null)} url
 * @property {string} locale
 * @property {string} start
 * @property {string} end
 * @property {string} timezone
 * @property {boolean} all_day
 * @property {string} status
 * @property {string} status_label
 * @property {(string|null)} previous_start
 * @property {string} temporal_status
 * @property {string} attendance_mode
 * @property {(string|null)} online_url
 * @property {(Image|null)} image
 * @property {(Venue|null)} venue
 * @property {(Term|null)} format
 * @property {Term[]} themes
 * @property {Term[]} audiences
 * @property {Partner[]} partners
 * @property {Registration} registration
 * @property {number} sequence
 * @property {(string|null)} last_published_at
 * @property {(Programme|null)} [programme]
 * @property {string} session_label
 */

/**
 * @typedef {Object} Day
 * @property {string} date
 * @property {string} title
 * @property {Session[]} sessions
 */

/**
 * @typedef {Object} EventDetail
 * @property {number} id
 * @property {string} uuid
 * @property {string} title
 * @property {string} subtitle
 * @property {(string|null)} url
 * @property {string} locale
 * @property {string} start
 * @property {string} end
 * @property {string} timezone
 * @property {boolean} all_day
 * @property {string} status
 * @property {string} status_label
 * @property {(string|null)} previous_start
 * @property {string} temporal_status
 * @property {string} attendance_mode
 * @property {(string|null)} online_url
 * @property {(Image|null)} image
 * @property {(Venue|null)} venue
 * @property {(Term|null)} format
 * @property {Term[]} themes
 * @property {Term[]} audiences
 * @property {Partner[]} partners
 * @property {Registration} registration
 * @property {number} sequence
 * @property {(string|null)} last_published_at
 * @property {(Programme|null)} [programme]
 * @property {string} audience_text
 * @property {string[]} objectives
 * @property {string} body
 * @property {string} practical_info
 * @property {string} funding_statement
 * @property {StreamItem[]} documents
 * @property {StreamItem[]} resources
 * @property {boolean} programme_to_come
 * @property {CycleLink[]} cycles
 * @property {Object<string, *>} jsonld
 */

/**
 * @typedef {Object} EventList
 * @property {number} count
 * @property {boolean} [count_is_exact]
 * @property {(string|null)} next
 * @property {(string|null)} previous
 * @property {EventSummary[]} results
 * @property {(Tombstone[]|null)} [tombstones]
 */

/**
 * @typedef {Object} EventListQuery
 * @property {(string|null)} [locale]
 * @property {(string|null)} [when]
 * @property {((*|*)|null)} [starts_after]
 * @property {((*|*)|null)} [starts_before]
 * @property {((*|*)|null)} [ends_after]
 * @property {((*|*)|null)} [ends_before]
 * @property {string[]} [theme]
 * @property {string[]} [audience]
 * @property {string[]} [format]
 * @property {number[]} [organiser]
 * @property {number[]} [speaker]
 * @property {number[]} [venue]
 * @property {(string|null)} [city]
 * @property {(string|null)} [department]
 * @property {(string|null)} [region]
 * @property {number[]} [cycle]
 * @property {string[]} [status]
 * @property {string[]} [attendance_mode]
 * @property {(boolean|null)} [registration_open]
 * @property {(string|null)} [q]
 * @property {((*|*)|null)} [updated_since]
 * @property {(string|null)} [ordering]
 * @property {"programme"[]} [expand]
 */

/**
 * @typedef {Object} EventSummary
 * @property {number} id
 * @property {string} uuid
 * @property {string} title
 * @property {string} subtitle
 * @property {(string|null)} url
 * @property {string} locale
 * @property {string} start
 * @property {string} end
 * @property {string} timezone
 * @property {boolean} all_day
 * @property {string} status
 * @property {string} status_label
 * @property {(string|null)} previous_start
 * @property {string} temporal_status
 * @property {string} attendance_mode
 * @property {(string|null)} online_url
 * @property {(Image|null)} image
 * @property {(Venue|null)} venue
 * @property {(Term|null)} format
 * @property {Term[]} themes
 * @property {Term[]} audiences
 * @property {Partner[]} partners
 * @property {Registration} registration
 * @property {number} sequence
 * @property {(string|null)} last_published_at
 * @property {(Programme|null)} [programme]
 */

/**
 * @typedef {Object} FacetValueOut
 * @property {(string|number)} value
 * @property {string} label
 * @property {number} count
 */

/**
 * @typedef {Object} FacetsOut
 * @property {FacetValueOut[]} themes
 * @property {FacetValueOut[]} formats
 * @property {FacetValueOut[]} regions
 * @property {FacetValueOut[]} years
 */

/**
 * @typedef {Object} FormFieldOut
 * @property {string} name
 * @property {string} label
 * @property {string} type
 * @property {boolean} required
 * @property {string} help_text
 * @property {ChoiceOut[]} choices
 * @property {string} [autocomplete]
 */

/**
 * @typedef {Object} Image
 * @property {number} id
 * @property {string} title
 * @property {number} width
 * @property {number} height
 * @property {string} url
 * @property {Object<string, *>} renditions
 */

/**
 * @typedef {Object} Link
 * @property {string} label
 * @property {string} url
 */

/**
 * @typedef {Object} LocaleQuery
 * @property {(string|null)} [locale]
 */

/**
 * @typedef {Object} Organisation
 * @property {number} id
 * @property {string} name
 * @property {string} acronym
 * @property {string} kind
 * @property {string} kind_label
 * @property {string} url
 * @property {string} description
 * @property {(Image|null)} logo
 * @property {string} locale
 */

/**
 * @typedef {Object} OrganisationList
 * @property {number} count
 * @property {boolean} [count_is_exact]
 * @property {(string|null)} next
 * @property {(string|null)} previous
 * @property {Organisation[]} results
 */

/**
 * @typedef {Object} Pagination
 * @property {number} [limit]
 * @property {number} [offset]
 */

/**
 * @typedef {Object} Partner
 * @property {string} role
 * @property {string} role_label
 * @property {string} details
 * @property {Organisation} organisation
 */

/**
 * @typedef {Object} PreviewQuery
 * @property {string} [token]
 */

/**
 * @typedef {Object} Programme
 * @property {Day[]} days
 * @property {Speaker[]} speakers
 */

/**
 * @typedef {Object} Registration
 * @property {string} mode
 * @property {(string|null)} opens_at
 * @property {(string|null)} closes_at
 * @property {boolean} is_open
 * @property {(number|null)} places_left
 * @property {boolean} waitlist_open
 * @property {string} external_url
 * @property {string} external_label
 * @property {(number|null)} capacity
 * @property {string} closed_reason
 * @property {string} closed_message
 */

/**
 * @typedef {Object} RegistrationFormOut
 * @property {RegistrationStateOut} state
 * @property {FormFieldOut[]} fields
 * @property {WorkshopOut[]} workshops
 * @property {ConsentOut} consent
 * @property {string} honeypot
 * @property {number} event_id
 */

/**
 * @typedef {Object} RegistrationIn
 * @property {string} first_name
 * @property {string} last_name
 * @property {string} email
 * @property {string} organisation
 * @property {string} [organisation_kind]
 * @property {string} [function]
 * @property {(number|null)} [audience]
 * @property {string[]} [workshops]
 * @property {true} consent
 */

/**
 * @typedef {Object} RegistrationOut
 * @property {string} status
 * @property {string} status_label
 * @property {string} message
 * @property {number} event_id
 */

/**
 * @typedef {Object} RegistrationStateOut
 * @property {string} mode
 * @property {(string|null)} opens_at
 * @property {(string|null)} closes_at
 * @property {boolean} is_open
 * @property {(number|null)} places_left
 * @property {boolean} waitlist_open
 * @property {string} external_url
 * @property {string} external_label
 * @property {(number|null)} capacity
 * @property {string} closed_reason
 * @property {string} closed_message
 */

/**
 * @typedef {Object} Rendition
 * @property {string} url
 * @property {number} width
 * @property {number} height
 */

/**
 * @typedef {Object} SearchHitOut
 * @property {string} type
 * @property {number} id
 * @property {string} title
 * @property {(string|null)} url
 * @property {number} score
 * @property {string} snippet
 * @property {string} highlight
 * @property {(string|null)} [start]
 * @property {(string|null)} [end]
 * @property {(string|null)} [timezone]
 * @property {(string|null)} [status]
 * @property {(string|null)} [job_title]
 * @property {(string|null)} [affiliation]
 */

/**
 * @typedef {Object} SearchOut
 * @property {number} count
 * @property {boolean} count_is_exact
 * @property {(string|null)} next
 * @property {(string|null)} previous
 * @property {SearchHitOut[]} results
 * @property {FacetsOut} facets
 * @property {CountsOut} counts
 * @property {boolean} partial
 * @property {string} notice
 */

/**
 * @typedef {Object} SearchQuery
 * @property {string} q
 * @property {(string|null)} [locale]
 * @property {number} [limit]
 * @property {string[]} [type]
 * @property {string[]} [theme]
 * @property {string[]} [audience]
 * @property {string[]} [format]
 * @property {string[]} [region]
 * @property {string[]} [department]
 * @property {number[]} [year]
 * @property {string[]} [status]
 * @property {(number|null)} [cycle]
 * @property {number} [offset]
 */

/**
 * @typedef {Object} Session
 * @property {string} id
 * @property {string} start
 * @property {(string|null)} end
 * @property {string} title
 * @property {string} format
 * @property {string} format_label
 * @property {boolean} restricted
 * @property {string[]} restricted_to
 * @property {(string|null)} description
 * @property {(string|null)} room
 * @property {boolean} remote
 * @property {SessionSpeaker[]} speakers
 */

/**
 * @typedef {Object} SessionSpeaker
 * @property {number} id
 * @property {string} role
 * @property {boolean} [remote]
 */

/**
 * @typedef {Object} Speaker
 * @property {number} id
 * @property {string} honorific
 * @property {string} first_name
 * @property {string} last_name
 * @property {string} full_name
 * @property {string} job_title
 * @property {(SpeakerOrganisation|null)} organisation
 * @property {string} affiliation
 * @property {string} bio
 * @property {(Image|null)} photo
 * @property {Link[]} links
 * @property {string} locale
 */

/**
 * @typedef {Object} SpeakerDetail
 * @property {number} id
 * @property {string} honorific
 * @property {string} first_name
 * @property {string} last_name
 * @property {string} full_name
 * @property {string} job_title
 * @property {(SpeakerOrganisation|null)} organisation
 * @property {string} affiliation
 * @property {string} bio
 * @property {(Image|null)} photo
 * @property {Link[]} links
 * @property {string} locale
 * @property {EventSummary[]} events
 */

/**
 * @typedef {Object} SpeakerList
 * @property {number} count
 * @property {boolean} [count_is_exact]
 * @property {(string|null)} next
 * @property {(string|null)} previous
 * @property {Speaker[]} results
 */

/**
 * @typedef {Object} SpeakerOrganisation
 * @property {number} id
 * @property {string} name
 * @property {string} acronym
 */

/**
 * @typedef {Object} StreamItem
 * @property {string} type
 * @property {(string|null)} id
 * @property {string} title
 * @property {string} url
 * @property {(string|null)} [file_extension]
 */

/**
 * @typedef {Object} SuggestionOut
 * @property {string} type
 * @property {number} id
 * @property {string} title
 * @property {(string|null)} url
 */

/**
 * @typedef {Object} Term
 * @property {number} id
 * @property {string} name
 * @property {string} slug
 */

/**
 * @typedef {Object} TermList
 * @property {number} count
 * @property {boolean} [count_is_exact]
 * @property {(string|null)} next
 * @property {(string|null)} previous
 * @property {Term[]} results
 */

/**
 * @typedef {Object} Tombstone
 * @property {number} id
 * @property {string} uuid
 * @property {string} locale
 * @property {string} removed_at
 */

/**
 * @typedef {Object} Venue
 * @property {number} id
 * @property {string} name
 * @property {string} street_address
 * @property {string} postcode
 * @property {string} city
 * @property {string} department
 * @property {string} department_code
 * @property {string} region
 * @property {string} country
 * @property {(number|null)} latitude
 * @property {(number|null)} longitude
 * @property {string} access
 * @property {string} accessibility
 * @property {string} locale
 */

/**
 * @typedef {Object} VenueList
 * @property {number} count
 * @property {boolean} [count_is_exact]
 * @property {(string|null)} next
 * @property {(string|null)} previous
 * @property {Venue[]} results
 */

/**
 * @typedef {Object} WorkshopOut
 * @property {string} id
 * @property {string} title
 * @property {string} start
 * @property {(string|null)} end
 * @property {boolean} restricted
 * @property {string[]} restricted_to
 * @property {(number|null)} capacity
 * @property {(number|null)} places_left
 */

export {};
